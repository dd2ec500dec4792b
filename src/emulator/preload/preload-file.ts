import { type Preload, PreloadError, parsePreloadText } from './preload-format.ts'

/**
 * The `yaml` package, reached at run time rather than imported: this module is part of the
 * browser build too, where a static import would put a YAML parser in every page bundle.
 */
function requiredYaml(text: string): unknown {
  const nodeModule = globalThis.process?.getBuiltinModule?.('node:module') as
    | typeof import('node:module')
    | undefined
  if (!nodeModule) throw new Error('YAML preload files need Node')
  const yaml = nodeModule.createRequire(import.meta.url)('yaml') as typeof import('yaml')
  return yaml.parse(text, { prettyErrors: true })
}

/**
 * Reads and checks a preload file, synchronously (the emulator is created synchronously, and a
 * bad file must fail right there): JSON, or YAML for a `.yaml`/`.yml` file. Node only.
 *
 * @example
 * const preload = readPreloadFile('fixtures/livy.yaml')
 */
export function readPreloadFile(
  path: string,
  parseYaml: (text: string) => unknown = requiredYaml,
): Preload {
  const fs = globalThis.process?.getBuiltinModule?.('node:fs') as
    | typeof import('node:fs')
    | undefined
  if (!fs)
    throw new PreloadError(
      `${path}: preload files need Node (node:fs); pass the parsed data instead`,
    )
  let text: string
  try {
    text = fs.readFileSync(path, 'utf8')
  } catch (e) {
    throw new PreloadError(`${path}: cannot read the preload file: ${(e as Error).message}`)
  }
  return parsePreloadText(text, path, parseYaml)
}
