/**
 * The Node.js check the bins run before they load anything else. It is plain JavaScript that
 * any Node parses, so an old Node gets this message instead of a syntax or import error from
 * the emulator's code, and the message speaks to whoever installed the package: it does not
 * assume this repository's devDependencies.
 *
 * @example
 * const problem = unsupportedNode(process.versions.node, 'livy-emulator')
 * if (problem) { process.stderr.write(problem); process.exit(2) }
 */

/** The oldest Node.js that runs the package: 22.12 has `require(esm)` unflagged (docs/decisions/0025). */
export const MINIMUM_NODE = '22.12.0'

/**
 * Why this Node cannot run the package, or undefined when it can.
 *
 * @param {string} version `process.versions.node`, such as `20.20.2`
 * @param {string} command the bin's name, for the message
 * @param {string} [execPath] the running node binary, for the message
 * @returns {string | undefined}
 */
export function unsupportedNode(version, command, execPath = process.execPath) {
  const [major = 0, minor = 0] = version.split('.').map(Number)
  if (major > 22 || (major === 22 && minor >= 12)) return undefined
  return [
    `${command} needs Node.js 22.12 or later (Node 22 or 24, the LTS lines it is tested on);`,
    `this is Node.js ${version} (${execPath}).`,
    'Install Node.js 24 or 22 (nvm install 24, fnm install 24, or your system package manager),',
    `or, in a project that depends on livy-emulator, run it on npm's node package:`,
    `  npx -p node@24 ${command} --help`,
    '',
  ].join('\n')
}
