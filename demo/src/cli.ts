import { buildSdk } from '@prime-network/localnet'

// `pnpm demo [--rebuild]`: builds the SDK when needed, then runs the demo on its own anvil.
const controller = new AbortController()
let interruptedBy: NodeJS.Signals | undefined
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interruptedBy) process.exit(signal === 'SIGINT' ? 130 : 143)
    interruptedBy = signal
    process.stdout.write(`\n${signal}: cleaning up (anvil, child processes) and exiting\n`)
    controller.abort(new Error(`interrupted by ${signal}`))
    // A request in flight when anvil stops can take a moment to fail; do not wait for it long.
    setTimeout(() => process.exit(signal === 'SIGINT' ? 130 : 143), 5_000).unref()
  })
}

try {
  await buildSdk({
    sink: process.stdout,
    force: process.argv.includes('--rebuild'),
    signal: controller.signal,
  })
  // Imported only now: it loads @prime-network/sdk from sdk/dist, which the build just wrote.
  const { runDemo } = await import('./demo.js')
  await runDemo({ sink: process.stdout, signal: controller.signal })
  process.stdout.write('\nDone. The demo stopped its anvil; nothing keeps running.\n')
} catch (error) {
  if (interruptedBy) {
    process.exitCode = interruptedBy === 'SIGINT' ? 130 : 143
  } else {
    process.stderr.write(
      `\nThe demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    )
    process.exitCode = 1
  }
}
