/**
 * Why a state file cannot be used: `mismatch` (written under other options), `unreadable` (not
 * a state file, or its header is damaged), `damaged` (a line before the last one is damaged:
 * not what a crash leaves, so nothing is dropped without `--state-file-repair`), `locked`
 * (another running emulator holds it), `diverged` (replaying it gave a different answer
 * than the one recorded: the emulator changed, or the file was edited), `failed` (a write
 * failed; the emulator stops answering rather than acknowledge what it cannot keep).
 *
 * @example
 * try { await emulator.ready } catch (e) {
 *   if (e instanceof StateFileError && e.kind === 'mismatch') console.error(e.message)
 * }
 */
export class StateFileError extends Error {
  readonly kind: 'mismatch' | 'unreadable' | 'damaged' | 'locked' | 'diverged' | 'failed'
  constructor(kind: StateFileError['kind'], message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'StateFileError'
    this.kind = kind
  }
}
