// HEALTHCHECK of the image: healthy when the server answers HTTP at all. Any status below 500
// counts: with --no-control the control path is a 404, with authentication on a 401.
const port = process.env.PORT || process.env.LIVY_EMULATOR_PORT || '8998'
try {
  const res = await fetch(`http://127.0.0.1:${port}/__emulator/clock`, {
    signal: AbortSignal.timeout(2_000),
  })
  process.exit(res.status < 500 ? 0 : 1)
} catch {
  process.exit(1)
}
