import { db } from 'ponder:api'
import schema from 'ponder:schema'
import { Hono } from 'hono'
import { client, graphql } from 'ponder'

/**
 * GraphQL at `/graphql` (and `/`), and SQL over HTTP at `/sql/*` for `@ponder/client`. Both read
 * through Ponder's read-only connection, so a `ponder serve` process answers the same as the
 * writer.
 */
const app = new Hono()

app.use('/sql/*', client({ db, schema }))
app.use('/', graphql({ db, schema }))
app.use('/graphql', graphql({ db, schema }))

export default app
