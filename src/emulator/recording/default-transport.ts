import { fetchTransport, type UpstreamLimits, type UpstreamTransport } from './upstream.ts'

/**
 * The transport for where the emulator runs: node:http(s) in Node (it can accept a
 * self-signed certificate with `insecure`), the Fetch API elsewhere. Loaded on first use.
 *
 * @example
 * const transport = defaultUpstreamTransport({ insecure: true })
 */
export function defaultUpstreamTransport(
  options: UpstreamLimits & { readonly insecure?: boolean } = {},
): UpstreamTransport {
  const isNode = typeof process !== 'undefined' && process.versions?.node !== undefined
  if (!isNode) {
    if (options.insecure)
      throw new TypeError('insecure TLS needs Node; a browser always checks certificates')
    return fetchTransport(options)
  }
  let loaded: Promise<UpstreamTransport> | undefined
  return async (request) => {
    loaded ??= import('../../node/upstream-transport.ts').then((m) =>
      m.nodeUpstreamTransport(options),
    )
    return (await loaded)(request)
  }
}
