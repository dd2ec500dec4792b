/**
 * A dependency that only some uses of the emulator need, loaded the first time one needs it,
 * synchronously (the APIs that need it are synchronous: `livy.handlers`, a session's log).
 * An entry that runs without Node's module loader (a bundle, a page) hands the module over
 * when it is imported, with `provide`; in Node, the first `get` `require()`s it. Every lazy
 * dependency is an ES module with one build, which Node 22.12+ loads with `require()`, and
 * `require()` and `import` then share the one instance (docs/decisions/0032).
 *
 * @example
 * const msw = lazyModule<typeof import('msw')>('msw', "import from 'livy-emulator/browser'")
 * msw.get().http
 */
export interface LazyModule<T> {
  /** Hands the module over (entries that bundle it do this at import). The first one stays. */
  provide(module: T): void
  /** The module: the one handed over, or in Node the installed one, loaded now. */
  get(): T
}

export function lazyModule<T>(specifier: string, elsewhere: string): LazyModule<T> {
  let module: T | undefined
  return {
    provide(given) {
      module ??= given
    },
    get() {
      if (module !== undefined) return module
      const nodeModule = globalThis.process?.getBuiltinModule?.('node:module') as
        | typeof import('node:module')
        | undefined
      if (!nodeModule) {
        throw new Error(`livy-emulator: ${specifier} is not loaded: ${elsewhere}`)
      }
      // Resolved from here, then required as its own file: Node 24 warns that require() of an
      // ES module is experimental unless the requiring file is inside node_modules, which an
      // installed package always is and a checkout of this repository is not.
      const path = nodeModule.createRequire(import.meta.url).resolve(specifier)
      module = nodeModule.createRequire(path)(path) as T
      return module
    },
  }
}
