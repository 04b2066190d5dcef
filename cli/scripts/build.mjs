// Builds what `prime` runs on: the SDK (when sdk/dist is missing or older than its sources; the
// SDK build compiles the contracts, so it is skipped whenever it can be) and then the CLI itself
// (tsup, about a second), which bundles the SDK. Progress goes to stderr so a command's --json
// output stays clean.
import { spawnSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { isSdkBuilt, newestChange } from '@prime-network/localnet/freshness'

const cli = join(import.meta.dirname, '..')
const repo = join(cli, '..')

const olderThan = (output, inputs) =>
  !existsSync(output) || statSync(output).mtimeMs < Math.max(...inputs.map(newestChange))

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', process.stderr, 'inherit'] })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

/** Builds the SDK when stale and the CLI when stale (or always, with `force`). */
export function ensureBuilt({ force = false } = {}) {
  if (!isSdkBuilt(repo)) {
    process.stderr.write('prime: building @prime-network/sdk (first run: about a minute)\n')
    // pnpm sets npm_execpath to itself, so the nested call uses the same pnpm version.
    const pnpm = process.env.npm_execpath
    if (pnpm?.endsWith('js')) run(process.execPath, [pnpm, 'run', 'build:sdk'], repo)
    else run('npx', ['-y', 'pnpm@10.34.9', 'run', 'build:sdk'], repo)
  }
  // The SDK's build output too: dist/prime.js bundles it.
  const cliInputs = [
    ...['src', 'package.json', 'tsup.config.ts', 'scripts/notices.ts'].map((p) => join(cli, p)),
    join(repo, 'sdk/dist'),
  ]
  if (force || olderThan(join(cli, 'dist/prime.js'), cliInputs))
    run(join(cli, 'node_modules/.bin/tsup'), ['--silent'], cli)
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) ensureBuilt({ force: true })
