#!/usr/bin/env node
// Mutation testing (a maintainer's tool, not run by CI: a full pass takes about 20 minutes).
//
// For each mutant in contracts/tools/mutants.json (a small, deliberate change to contracts/src),
// runs the README's test command in a scratch worktree of HEAD and reports whether some test
// failed (killed) or all passed (survived). Mutants marked "ledger" also run against the
// invariant campaigns alone, which must catch most of them without the hand-written tests.
// A mutant whose text is not found exactly once is reported invalid, so the list cannot rot
// silently as the sources change.
//
//   node contracts/tools/mutate.mjs [substring of a mutant's "why" ...: run only the mutants
//   whose "why" contains one of them]
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const filters = process.argv.slice(2)
const mutants = JSON.parse(readFileSync(join(repo, 'contracts/tools/mutants.json'), 'utf8')).filter(
  (m) => filters.length === 0 || filters.some((filter) => m.why.includes(filter)),
)

const work = mkdtempSync(join(tmpdir(), 'prime-mutants-'))
execFileSync('git', ['-C', repo, 'worktree', 'add', '--detach', work, 'HEAD'], { stdio: 'ignore' })
symlinkSync(join(repo, 'node_modules'), join(work, 'node_modules'))
const forge = join(work, 'contracts/tools/bin/forge')

/** True when `forge test` fails (the mutant is killed). */
function killed(args) {
  const run = spawnSync(forge, ['test', '--via-ir', ...args], { cwd: work, encoding: 'utf8' })
  if (run.error) throw run.error
  return run.status !== 0
}

const rows = []
try {
  // Warm the build once, so each mutant recompiles only the file it changes.
  if (killed([])) throw new Error('the unmutated suite fails: fix that first')
  for (const m of mutants) {
    const path = join(work, 'contracts/src', m.file)
    const original = readFileSync(path, 'utf8')
    if (original.split(m.find).length !== 2) {
      rows.push({ mutant: m.why, file: m.file, result: 'invalid', invariants: '' })
      continue
    }
    writeFileSync(path, original.replace(m.find, m.replace))
    try {
      // The first failing test is enough to call a mutant killed.
      const result = killed(['--fail-fast']) ? 'killed' : 'SURVIVED'
      // The campaign alone: invariant_* only, not the handler's fixed-sequence test beside it.
      const invariants = m.ledger
        ? killed(['--match-path', 'contracts/test/invariant/*', '--match-test', '^invariant_'])
          ? 'killed'
          : 'survived'
        : ''
      rows.push({ mutant: m.why, file: m.file, result, invariants })
    } finally {
      writeFileSync(path, original)
    }
    console.error(`${rows.length}/${mutants.length} ${m.why}: ${rows.at(-1).result}`)
  }
} finally {
  execFileSync('git', ['-C', repo, 'worktree', 'remove', '--force', work], { stdio: 'ignore' })
  rmSync(work, { recursive: true, force: true })
}

console.table(rows)
const valid = rows.filter((r) => r.result !== 'invalid')
const ledger = rows.filter((r) => r.invariants !== '')
const count = (list, key) => list.filter((r) => r[key] === 'killed').length
console.log(`suite: ${count(valid, 'result')}/${valid.length} valid mutants killed`)
console.log(
  `invariant campaigns alone: ${count(ledger, 'invariants')}/${ledger.length} ledger mutants killed`,
)
