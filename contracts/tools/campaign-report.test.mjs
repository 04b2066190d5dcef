// Tests of the campaign report's verdicts, run as a process on throwaway files (node --test).
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'

const script = join(import.meta.dirname, 'campaign-report.mjs')

/** Runs the report on `runs` (one object per line, or none) and returns its outcome and files. */
function report(runs) {
  const dir = mkdtempSync(join(tmpdir(), 'campaign-'))
  const log = join(dir, 'runs.jsonl')
  const snapshot = join(dir, 'campaign.json')
  if (runs) writeFileSync(log, runs.map((run) => `${JSON.stringify(run)}\n`).join(''))
  const { FOUNDRY_PROFILE: _, ...env } = process.env // the default (CI) profile
  const result = spawnSync(process.execPath, [script], {
    env: { ...env, CAMPAIGN_LOG: log, CAMPAIGN_SNAPSHOT: snapshot },
    encoding: 'utf8',
  })
  const read = (path) => {
    try {
      return readFileSync(path, 'utf8')
    } catch {
      return undefined
    }
  }
  return { ...result, log: read(log), snapshot: read(snapshot) }
}

test('fails when the invariant tests wrote no runs', () => {
  const result = report(undefined)
  assert.equal(result.status, 1)
  assert.match(result.stderr, /no runs in .*runs\.jsonl; run the invariant tests first/)
  assert.equal(result.snapshot, undefined)
})

test('sums the newest campaign only, records it and keeps only its runs', () => {
  const runs = [
    { campaign: 1, join: 0, claim: 0 },
    { campaign: 2, join: 2, claim: 3 },
    { campaign: 2, join: 1, claim: 0 },
  ]
  const result = report(runs)
  assert.equal(result.status, 0, result.stderr)
  assert.deepEqual(JSON.parse(result.snapshot), {
    runs: 2,
    actions: { claim: { effects: 3, runs: 1 }, join: { effects: 3, runs: 2 } },
  })
  assert.deepEqual(
    result.log.trim().split('\n').map((line) => JSON.parse(line)),
    runs.slice(1),
  )
})

test('fails naming every action that took effect fewer than 3 times', () => {
  const result = report([
    { campaign: 7, join: 5, claim: 2, slash: 0 },
    { campaign: 7, join: 5, claim: 0, slash: 0 },
  ])
  assert.equal(result.status, 1)
  assert.match(result.stderr, /took effect fewer than 3 times: claim, slash\n/)
  assert.match(result.stdout, /claim\s+2\s+1 {2}<- too rare/)
  // The record is still written: the diff shows what the campaign stopped reaching.
  assert.equal(JSON.parse(result.snapshot).actions.slash.effects, 0)
})

test('a deeper profile prints its campaign without touching the committed record', () => {
  const dir = mkdtempSync(join(tmpdir(), 'campaign-'))
  const log = join(dir, 'runs.jsonl')
  writeFileSync(log, `${JSON.stringify({ campaign: 1, join: 9 })}\n`)
  const result = spawnSync(process.execPath, [script], {
    env: {
      ...process.env,
      CAMPAIGN_LOG: log,
      CAMPAIGN_SNAPSHOT: join(dir, 'campaign.json'),
      FOUNDRY_PROFILE: 'deep',
    },
    encoding: 'utf8',
  })
  assert.equal(result.status, 0, result.stderr)
  assert.match(result.stdout, /deep profile, 1 runs/)
  assert.throws(() => readFileSync(join(dir, 'campaign.json')))
})
