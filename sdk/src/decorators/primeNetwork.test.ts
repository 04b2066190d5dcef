import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, test } from 'vitest'

// What an editor shows on hover, from the TypeScript language service over a consumer file.
const dir = fileURLToPath(new URL('.', import.meta.url))
const consumer = `${dir}__hover__.ts`
const names = [
  ...readFileSync(`${dir}actions.ts`, 'utf8').matchAll(/^export \{ (\w+) \} from/gm),
].map((match) => match[1]!)
const source = `import { createWalletClient, http } from 'viem'
import { ${names.join(', ')}, primeNetworkActions } from '../index.js'
const client = createWalletClient({ transport: http() }).extend(primeNetworkActions())
${names.map((name) => `client.${name}\n${name}\n`).join('')}client.getEvents
`

function hover(service: ts.LanguageService, needle: string) {
  const at = source.indexOf(needle) + needle.length - 1
  const info = service.getQuickInfoAtPosition(consumer, at)
  return ts.displayPartsToString(info?.documentation)
}

describe('the decorator carries each action’s docs', () => {
  test('hover on client.x shows the standalone x’s JSDoc', () => {
    const { config } = ts.readConfigFile(`${dir}../../tsconfig.json`, ts.sys.readFile)
    const { options } = ts.parseJsonConfigFileContent(config, ts.sys, `${dir}../..`)
    const host: ts.LanguageServiceHost = {
      getScriptFileNames: () => [consumer],
      getScriptVersion: () => '1',
      getScriptSnapshot: (file) =>
        ts.ScriptSnapshot.fromString(
          file === consumer ? source : ts.sys.fileExists(file) ? readFileSync(file, 'utf8') : '',
        ),
      getCurrentDirectory: () => dir,
      getCompilationSettings: () => options,
      getDefaultLibFileName: ts.getDefaultLibFilePath,
      fileExists: (file) => file === consumer || ts.sys.fileExists(file),
      readFile: (file) => (file === consumer ? source : ts.sys.readFile(file)),
    }
    const service = ts.createLanguageService(host)
    expect(names.length).toBeGreaterThan(50)
    for (const name of names) {
      const standalone = hover(service, `\n${name}\n`)
      expect(standalone, name).toMatch(/\S/)
      // Stale? Run `node scripts/decorator-types.mjs` in sdk/.
      expect(hover(service, `client.${name}\n`), name).toBe(standalone)
    }
    expect(hover(service, 'client.getEvents')).toMatch(/typed, decoded arguments/)
  }, 60_000)
})
