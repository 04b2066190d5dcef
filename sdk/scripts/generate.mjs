// `pnpm generate` (after build:contracts): writes the SDK's ABIs (sdk/src/generated/abis.ts) from
// the Foundry artifacts with wagmi.config.ts. wagmi rewrites its output on every run; this writes
// to a temporary file beside it, then replaces the real one in one rename, and only when the
// content changed. So suites running side by side never read a half-written file, and an
// unchanged ABI keeps its time (builds that depend on it are not redone).
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '../..')
const out = join(root, 'sdk/src/generated/abis.ts')
const temporary = `${out}.${process.pid}.tmp`

const result = spawnSync(join(root, 'node_modules/.bin/wagmi'), ['generate'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PRIME_ABIS_OUT: temporary },
})
if (result.status !== 0) {
  rmSync(temporary, { force: true })
  process.exit(result.status ?? 1)
}
if (existsSync(out) && readFileSync(out, 'utf8') === readFileSync(temporary, 'utf8'))
  rmSync(temporary)
else renameSync(temporary, out)
