import { resolve } from 'node:path'

/** The repository root: deploy.sh, foundry.toml and the Foundry shims live there. */
export const repoRoot = resolve(import.meta.dirname, '../..')
