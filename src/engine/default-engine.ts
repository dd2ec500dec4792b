import type { EvaluationEngineLoader } from '../emulator/model/evaluation/evaluation-engine.ts'

/**
 * The engine for where the emulator runs: worker threads in Node, Web Workers in a browser.
 * Nothing is loaded until the first statement that needs evaluating.
 *
 * @example
 * const engine = await defaultEngineLoader()
 */
export const defaultEngineLoader: EvaluationEngineLoader = async () => {
  if (typeof process !== 'undefined' && process.versions?.node !== undefined) {
    const { sharedNodeEngine } = await import('./node-engine.ts')
    return sharedNodeEngine()
  }
  const { sharedBrowserEngine } = await import('./browser-engine.ts')
  return sharedBrowserEngine()
}
