// Runs the CLI's tests and measures the coverage of the prime processes they spawn: each child
// writes V8 coverage to NODE_V8_COVERAGE (prime.ts in test/ passes it on), and c8 maps
// dist/prime.js back to src/ through tsup's source map. vitest's own coverage would only see the
// test process, which never runs the CLI's code.
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const temp = join(root, 'coverage/v8')
rmSync(join(root, 'coverage'), { recursive: true, force: true })
const bin = (name) => join(root, 'node_modules/.bin', name)
const run = (command, args, env = {}) =>
  spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status

const tests = run(bin('vitest'), ['run', ...process.argv.slice(2)], { PRIME_CLI_COVERAGE: temp })
if (tests !== 0) process.exit(tests ?? 1)
const report = run(bin('c8'), [
  'report',
  '--temp-directory',
  temp,
  '--reports-dir',
  join(root, 'coverage'),
  '--include',
  'dist/prime.js',
  '--include',
  'src/**',
  '--exclude-after-remap',
  '--reporter',
  'text',
  '--reporter',
  'json-summary',
  '--check-coverage',
  '--lines',
  '90',
])
process.exit(report ?? 1)
