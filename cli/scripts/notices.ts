// The third-party notices of dist/prime.js. The bundle carries the code of every dependency, and
// their licenses (MIT, ISC, ...) ask that their notices travel with it: this lists each bundled
// package once, with its license text, from the build's own record of its inputs (esbuild's
// metafile), so a dependency added or dropped is reflected without anyone keeping a list.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

/** The folder of the package a bundled file came from: the nearest package.json with a name. */
function packageRoot(file: string): string | undefined {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json')
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name) return dir
  }
  return undefined
}

/**
 * Writes `outFile` from esbuild's `metafile`, whose input paths are relative to `cwd`. Packages of
 * this repository (`@prime-network/*`, under the CLI's own license) are left out.
 */
export function writeNotices(
  metafile: { inputs: Record<string, unknown> },
  cwd: string,
  outFile: string,
): void {
  const roots = new Set<string>()
  for (const input of Object.keys(metafile.inputs)) {
    const root = packageRoot(resolve(cwd, input))
    if (root?.includes('node_modules')) roots.add(root)
  }
  const packages = [...roots]
    .map((root) => ({
      root,
      ...(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
        name: string
        version: string
        license?: string
      }),
    }))
    .filter((pkg) => !pkg.name.startsWith('@prime-network/'))
    .sort((a, b) => a.name.localeCompare(b.name))
  const sections = packages.map((pkg) => {
    const file = readdirSync(pkg.root).find((name) => /^licen[cs]e(\.(md|txt))?$/i.test(name))
    const text = file ? readFileSync(join(pkg.root, file), 'utf8').trim() : '(no license file)'
    return `## ${pkg.name} ${pkg.version} (${pkg.license ?? 'license not stated'})\n\n${text}\n`
  })
  mkdirSync(dirname(outFile), { recursive: true })
  writeFileSync(
    outFile,
    `# Third-party notices\n\n\`prime.js\` bundles these packages; their licenses follow.\n\n${sections.join('\n')}`,
  )
}
