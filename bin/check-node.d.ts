/** The oldest Node.js that runs the package. */
export declare const MINIMUM_NODE: string
/** Why this Node cannot run the package, or undefined when it can. */
export declare function unsupportedNode(
  version: string,
  command: string,
  execPath?: string,
): string | undefined
