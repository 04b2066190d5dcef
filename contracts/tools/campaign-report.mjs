#!/usr/bin/env node
// The invariant campaign's report: what each handler action did, summed over the campaign's runs.
//
// ProtocolInvariantTest.afterInvariant appends one JSON line per run to cache/campaign/runs.jsonl,
// tagged with its campaign. This script takes the newest campaign, writes snapshots/campaign.json
// (committed, so a change in what the campaign reaches shows in the diff) and exits 1 when an action
// took effect fewer than MIN_EFFECTS times: an invariant that holds because its flow never ran
// proves nothing. `pnpm test:contracts` runs it right after `forge test`.
//
//   node contracts/tools/campaign-report.mjs
//
// CAMPAIGN_LOG and CAMPAIGN_SNAPSHOT override the two paths (its tests use throwaway files).
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const MIN_EFFECTS = 3

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const log = process.env.CAMPAIGN_LOG ?? join(repo, 'cache/campaign/runs.jsonl')
const snapshot = process.env.CAMPAIGN_SNAPSHOT ?? join(repo, 'snapshots/campaign.json')

const runs = existsSync(log)
  ? readFileSync(log, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line))
  : []
if (runs.length === 0) {
  console.error(`campaign report: no runs in ${log}; run the invariant tests first (forge test)`)
  process.exit(1)
}
const newest = Math.max(...runs.map((run) => run.campaign))
const campaign = runs.filter((run) => run.campaign === newest)

const actions = {}
for (const run of campaign) {
  for (const [action, effects] of Object.entries(run)) {
    if (action === 'campaign') continue
    actions[action] ??= { effects: 0, runs: 0 }
    actions[action].effects += effects
    if (effects > 0) actions[action].runs += 1
  }
}

const profile = process.env.FOUNDRY_PROFILE ?? 'default'
// Only the CI profile's campaign is the committed record; deeper profiles are printed.
if (profile === 'default') {
  const sorted = Object.fromEntries(Object.entries(actions).sort(([a], [b]) => a.localeCompare(b)))
  writeFileSync(snapshot, `${JSON.stringify({ runs: campaign.length, actions: sorted }, null, 2)}\n`)
}
// Older campaigns are of no further use; the newest stays for a second look.
writeFileSync(log, `${campaign.map((run) => JSON.stringify(run)).join('\n')}\n`)

const width = Math.max(...Object.keys(actions).map((name) => name.length))
console.log(`Invariant campaign (${profile} profile, ${campaign.length} runs): effects, runs with one`)
for (const [name, { effects, runs: withOne }] of Object.entries(actions)) {
  const flag = effects < MIN_EFFECTS ? '  <- too rare' : ''
  console.log(`  ${name.padEnd(width)} ${String(effects).padStart(5)} ${String(withOne).padStart(4)}${flag}`)
}
const rare = Object.entries(actions).filter(([, { effects }]) => effects < MIN_EFFECTS)
if (rare.length > 0) {
  console.error(
    `campaign report: took effect fewer than ${MIN_EFFECTS} times: ${rare.map(([name]) => name).join(', ')}`,
  )
  process.exit(1)
}
