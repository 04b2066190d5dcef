// Whether a build is current: the one check every builder in the repository uses (localnet's
// buildSdk, and the CLI's build script, which runs on plain Node and so imports this file as
// JavaScript).
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** What the SDK's build reads. */
const sdkInputs = [
  'contracts/src',
  'sdk/src',
  'sdk/package.json',
  'sdk/tsup.config.ts',
  'wagmi.config.ts',
  'foundry.toml',
]
/**
 * What the build writes from those inputs, not an input itself: `generate` rewrites it (the same
 * bytes) whenever it runs, and that must not make a current sdk/dist look stale while suites use it.
 */
const derived = 'sdk/src/generated'
const sdkOutputs = ['sdk/dist/index.js', 'sdk/dist/index.d.ts']

/**
 * The time of the newest change under `path` (a file or a folder), leaving out the SDK's derived
 * sources. @param {string} path @returns {number}
 */
export function newestChange(path) {
  if (path.endsWith(derived)) return Number.NEGATIVE_INFINITY
  const info = statSync(path)
  if (!info.isDirectory()) return info.mtimeMs
  return Math.max(
    info.mtimeMs,
    ...readdirSync(path).map((entry) => newestChange(join(path, entry))),
  )
}

/** @param {string} repoRoot @returns {boolean} */
export function isSdkBuilt(repoRoot) {
  try {
    const built = Math.min(...sdkOutputs.map((p) => statSync(join(repoRoot, p)).mtimeMs))
    const changed = Math.max(...sdkInputs.map((p) => newestChange(join(repoRoot, p))))
    return built > changed
  } catch {
    return false // an output (or an input) is missing
  }
}
