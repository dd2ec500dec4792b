/**
 * Layers of headers, later ones winning regardless of case. A `null` value is a scenario's
 * way of leaving a default header out: it survives the merge so the target can drop it.
 */
export function mergeHeaders(
  ...layers: (Readonly<Record<string, string | null>> | undefined)[]
): Record<string, string | null> {
  const merged: Record<string, string | null> = {}
  for (const layer of layers) {
    for (const [k, v] of Object.entries(layer ?? {})) {
      for (const existing of Object.keys(merged))
        if (existing.toLowerCase() === k.toLowerCase()) delete merged[existing]
      merged[k] = v
    }
  }
  return merged
}

/** The headers to send: the merged layers without the removed ones. */
export function headersToSend(
  ...layers: (Readonly<Record<string, string | null>> | undefined)[]
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(mergeHeaders(...layers)).filter((e): e is [string, string] => e[1] !== null),
  )
}
