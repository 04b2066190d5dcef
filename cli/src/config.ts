import { existsSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { z } from 'zod'
import { UsageError } from './errors.js'
import { redactUrl, rememberUrlSecrets } from './redact.js'

/** The flags every command takes (declared once on the root program). */
export type GlobalOptions = {
  rpcUrl?: string | undefined
  indexer?: string | undefined
  logBlockRange?: string | undefined
  deployment?: string | undefined
  account?: string | undefined
  keystoreDir?: string | undefined
  passwordFile?: string | undefined
  config?: string | undefined
  json?: boolean | undefined
  field?: string | undefined
  dryRun?: boolean | undefined
}

/** Where an effective value came from, most specific first. */
export type Source = 'flag' | 'env' | 'config' | 'default'

export type Setting<value> = { value: value; source: Source; from?: string | undefined }

/** What `prime config` shows and every command runs with. */
export type Settings = {
  configFile: Setting<string>
  rpcUrl: Setting<string>
  /** The indexer's HTTP URL; history commands read the chain's logs without one. */
  indexer: Setting<string | undefined>
  /** The most blocks one `eth_getLogs` may span (RPCs cap it); none: one request per read. */
  logBlockRange: Setting<number | undefined>
  deployment: Setting<string | undefined>
  account: Setting<string | undefined>
  keystoreDir: Setting<string>
  passwordFile: Setting<string | undefined>
  /** Only whether a secret is set is ever recorded, never its value. */
  password: Setting<boolean>
  privateKey: Setting<boolean>
}

const url = z
  .string()
  .refine((value) => /^(https?|wss?):\/\/./.test(value), 'expected an http(s) or ws(s) URL')

// The indexer answers GraphQL over plain HTTP only.
const httpUrl = z.string().refine((value) => /^https?:\/\/./.test(value), 'expected an http(s) URL')

/** The config file: JSON, every key optional, unknown keys refused (a typo must not be ignored). */
export const configFileSchema = z.strictObject({
  rpcUrl: url.optional(),
  indexer: httpUrl.optional(),
  logBlockRange: z.number().int().positive().optional(),
  deployment: z.string().min(1).optional(),
  account: z.string().min(1).optional(),
  keystoreDir: z.string().min(1).optional(),
  passwordFile: z.string().min(1).optional(),
})

export type ConfigFile = z.infer<typeof configFileSchema>

/** Environment variables, one per setting. Secrets come only from here (never a flag or a file). */
export const envNames = {
  rpcUrl: 'PRIME_RPC_URL',
  indexer: 'PRIME_INDEXER_URL',
  logBlockRange: 'PRIME_LOG_BLOCK_RANGE',
  deployment: 'PRIME_DEPLOYMENT',
  account: 'PRIME_ACCOUNT',
  keystoreDir: 'PRIME_KEYSTORE_DIR',
  passwordFile: 'PRIME_PASSWORD_FILE',
  password: 'PRIME_PASSWORD',
  privateKey: 'PRIME_PRIVATE_KEY',
  config: 'PRIME_CONFIG',
} as const

type Env = Record<string, string | undefined>

function defaultConfigPath(env: Env): string {
  const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config')
  return join(base, 'prime', 'config.json')
}

function readConfigFile(path: string, explicit: boolean): ConfigFile {
  if (!existsSync(path)) {
    if (explicit) throw new UsageError(`config file ${path} does not exist`)
    return {}
  }
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    // V8 quotes the text around a syntax error (`Unexpected token 'h', ..."rpcUrl": http://ali"...`),
    // which may be a URL's credentials: keep only what is wrong, never the file's text.
    const reason = (error as Error).message.replace(/, (\.\.\.)?".*$/s, '')
    throw new UsageError(`config file ${path} is not valid JSON: ${reason}`)
  }
  const parsed = configFileSchema.safeParse(json)
  if (!parsed.success)
    throw new UsageError(`config file ${path} is invalid:\n${z.prettifyError(parsed.error)}`)
  return parsed.data
}

/**
 * Resolves every setting from, in order: flag, environment, config file, default. Paths from the
 * config file are relative to the file (so a project can keep its config beside its keys); paths
 * from flags and the environment are relative to the working directory. `account` is a path when
 * it has a slash (else a keystore name) and follows the same rule.
 */
function accountSetting(account: Setting<string | undefined>, fileDir: string) {
  const { value, source } = account
  return source === 'config' && value?.includes('/')
    ? { ...account, value: resolve(fileDir, value) }
    : account
}

export function resolveSettings(options: GlobalOptions, env: Env = process.env): Settings {
  const configExplicit = options.config ?? env[envNames.config]
  const configFile: Setting<string> = options.config
    ? { value: resolve(options.config), source: 'flag' }
    : env[envNames.config]
      ? { value: resolve(env[envNames.config]!), source: 'env', from: envNames.config }
      : { value: defaultConfigPath(env), source: 'default' }
  const file = readConfigFile(configFile.value, configExplicit !== undefined)
  const fileDir = dirname(configFile.value)

  function pick(
    key: keyof ConfigFile,
    flag: string | undefined,
    isPath: boolean,
  ): Setting<string | undefined> {
    const asPath = (value: string, base: string) => (isPath ? resolve(base, value) : value)
    if (flag !== undefined) return { value: asPath(flag, '.'), source: 'flag' }
    const fromEnv = env[envNames[key]]
    if (fromEnv) return { value: asPath(fromEnv, '.'), source: 'env', from: envNames[key] }
    const fromFile = file[key]
    if (fromFile !== undefined)
      return { value: asPath(String(fromFile), fileDir), source: 'config', from: configFile.value }
    return { value: undefined, source: 'default' }
  }

  const rpcUrl = pick('rpcUrl', options.rpcUrl, false)
  rememberUrlSecrets(rpcUrl.value)
  if (rpcUrl.value !== undefined && !url.safeParse(rpcUrl.value).success)
    throw new UsageError(`invalid RPC URL '${redactUrl(rpcUrl.value)}' (from ${rpcUrl.source})`)
  const indexer = pick('indexer', options.indexer, false)
  rememberUrlSecrets(indexer.value)
  if (indexer.value !== undefined && !httpUrl.safeParse(indexer.value).success)
    throw new UsageError(
      `invalid indexer URL '${redactUrl(indexer.value)}' (from ${indexer.source})`,
    )
  const logBlockRange = pick('logBlockRange', options.logBlockRange, false)
  if (logBlockRange.value !== undefined && !/^[1-9]\d*$/.test(logBlockRange.value))
    throw new UsageError(
      `invalid log block range '${logBlockRange.value}' (from ${logBlockRange.source}): expected a positive whole number of blocks`,
    )
  const keystoreDir = pick('keystoreDir', options.keystoreDir, true)
  return {
    configFile,
    rpcUrl: { ...rpcUrl, value: rpcUrl.value ?? 'http://127.0.0.1:8545' },
    indexer,
    logBlockRange: {
      ...logBlockRange,
      value: logBlockRange.value === undefined ? undefined : Number(logBlockRange.value),
    },
    deployment: pick('deployment', options.deployment, true),
    account: accountSetting(pick('account', options.account, false), fileDir),
    keystoreDir: {
      ...keystoreDir,
      value: keystoreDir.value ?? join(env.HOME || homedir(), '.foundry', 'keystores'),
    },
    passwordFile: pick('passwordFile', options.passwordFile, true),
    password: env[envNames.password]
      ? { value: true, source: 'env', from: envNames.password }
      : { value: false, source: 'default' },
    privateKey: env[envNames.privateKey]
      ? { value: true, source: 'env', from: envNames.privateKey }
      : { value: false, source: 'default' },
  }
}
