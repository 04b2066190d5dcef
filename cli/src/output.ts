import Table from 'cli-table3'
import pc from 'picocolors'
import { UsageError } from './errors.js'

/** Turns a result into JSON-safe data: bigints become decimal strings, so no precision is lost. */
export function toJsonValue(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v)))
}

export type Row = readonly [label: string, value: unknown]

/**
 * Where a command's result goes. Results go to stdout (one JSON document with `--json`, tables
 * otherwise); progress and diagnostics go to stderr, so `prime ... --json | jq` always parses.
 */
export class Output {
  constructor(
    readonly json: boolean,
    /** `--field a.b`: print only that value of the JSON result, bare (for shell variables). */
    readonly field?: string | undefined,
    private readonly stdout: NodeJS.WritableStream = process.stdout,
    private readonly stderr: NodeJS.WritableStream = process.stderr,
  ) {}

  private deferred: { data: unknown; human: () => void } | undefined
  private deferring = false

  /** From now on `result` keeps the command's result for a report around it (a dry run's). */
  deferResults() {
    this.deferring = true
  }

  /** The result kept since `deferResults`, if the command gave one; printing resumes. */
  takeDeferred() {
    this.deferring = false
    return this.deferred
  }

  /** Prints `data` as JSON (or one field of it), or calls `human` to print it for people. */
  result(data: unknown, human: () => void) {
    if (this.deferring) {
      this.deferred = { data, human }
      return
    }
    if (this.field !== undefined) {
      let value = toJsonValue(data)
      for (const key of this.field.split('.')) {
        if (value === null || typeof value !== 'object' || !(key in value)) {
          // The command may have sent a transaction already: keep its whole result visible.
          this.stdout.write(`${JSON.stringify(toJsonValue(data), null, 2)}\n`)
          throw new UsageError(`the result has no field '${this.field}' (printed all of it)`)
        }
        value = (value as Record<string, unknown>)[key]
      }
      this.stdout.write(`${typeof value === 'string' ? value : JSON.stringify(value)}\n`)
    } else if (this.json) this.stdout.write(`${JSON.stringify(toJsonValue(data), null, 2)}\n`)
    else human()
  }

  /** One JSON document on one line (for streams such as `prime watch --json`: NDJSON). */
  jsonLine(data: unknown) {
    this.stdout.write(`${JSON.stringify(toJsonValue(data))}\n`)
  }

  /** Clears a terminal before a redraw; a pipe or file gets each update appended instead. */
  clear() {
    if ((this.stdout as NodeJS.WriteStream).isTTY) this.stdout.write('\x1b[2J\x1b[H')
  }

  line(text = '') {
    this.stdout.write(`${text}\n`)
  }

  /** A two-column table of labelled values. */
  fields(rows: readonly Row[], title?: string) {
    if (title) this.line(pc.bold(title))
    const table = new Table({ style: { head: [], border: [] } })
    for (const [label, value] of rows) table.push({ [pc.cyan(label)]: String(value) })
    this.line(table.toString())
  }

  /** A table with a header row. */
  table(head: readonly string[], rows: readonly (readonly unknown[])[], title?: string) {
    if (title) this.line(pc.bold(title))
    if (rows.length === 0) return this.line(pc.dim('  (none)'))
    const table = new Table({ head: head.map((h) => pc.cyan(h)), style: { head: [], border: [] } })
    for (const row of rows) table.push(row.map(String))
    this.line(table.toString())
  }

  /** Progress of a transaction or a step; stderr, so it never mixes with results. */
  progress(text: string) {
    this.stderr.write(`${pc.dim('›')} ${text}\n`)
  }

  success(text: string) {
    this.line(`${pc.green('✔')} ${text}`)
  }

  error(text: string) {
    this.stderr.write(`${pc.red('error')} ${text}\n`)
  }

  /** A line that goes with the error before it (its next step); stderr. */
  note(text: string) {
    this.stderr.write(`${text}\n`)
  }
}
