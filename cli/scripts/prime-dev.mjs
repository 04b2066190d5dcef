// `pnpm prime <command>` from the repository root: builds what is stale, then runs the CLI in this
// process (so exit codes, stdin and signals are the CLI's own).
import { ensureBuilt } from './build.mjs'

ensureBuilt()
await import('../dist/prime.js')
