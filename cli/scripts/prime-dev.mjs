// `pnpm prime <command>` (documented as `pnpm --silent prime`, so pnpm's banner stays off stdout):
// builds what is stale, then runs the CLI in this process (so exit codes, stdin and signals are
// the CLI's own). pnpm runs scripts in the repository root; the CLI runs where the user ran pnpm
// (INIT_CWD), so relative paths (invite files, --deployment) mean what they typed, also with
// `pnpm --dir <checkout>` from elsewhere.
import { ensureBuilt } from './build.mjs'

ensureBuilt()
if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD)
await import('../dist/prime.js')
