/**
 * Finds pairs of SQL queries whose SHA-256 digests share their first 40 bits (10 hex digits): the
 * key under which Ponder 0.16.10 caches its "this query is allowed" verdict for `/sql`. One query
 * of each pair is an allowed SELECT, the other a `create table`; they differ only in a comment.
 * test/sql.test.ts sends the committed pairs (test/fixtures/colliding-queries.json) to show that
 * the patch (patches/ponder@0.16.10.patch) keys the cache by the whole digest.
 *
 *   tsx scripts/find-collisions.ts [pairs] > test/fixtures/colliding-queries.json   (default 2)
 *
 * A birthday search: 2^21 prefixes of SELECT variants in a table, then `create table` variants
 * until enough of their prefixes land in it (about 2^19 tries per pair; seconds, not minutes).
 */
import { createHash } from 'node:crypto'

const allowed = (nonce: number) => `select 1 as ok /* ${nonce} */`
const forbidden = (nonce: number) => `create table pwned (x int) /* ${nonce} */`

const prefix = (text: string) =>
  Number.parseInt(createHash('sha256').update(text).digest('hex').slice(0, 10), 16)

const count = Number(process.argv[2] ?? 2)
const seen = new Map<number, number>()
for (let nonce = 0; nonce < 2 ** 21; nonce++) seen.set(prefix(allowed(nonce)), nonce)
const pairs: { allowed: string; forbidden: string }[] = []
for (let nonce = 0; pairs.length < count; nonce++) {
  const match = seen.get(prefix(forbidden(nonce)))
  if (match !== undefined) pairs.push({ allowed: allowed(match), forbidden: forbidden(nonce) })
}
console.log(JSON.stringify(pairs, null, 2))
