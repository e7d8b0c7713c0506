// The Worker for local development (`wrangler dev`, the top level of wrangler.toml): the same
// Worker, with GraphiQL at `GET /graphql` while NODE_ENV is development. GraphiQL's page inlines
// 9 MB of script, far too much for a deployed Worker, so production (`[env.production]`) builds
// src/worker.ts, which never imports it.
import { renderGraphiQL } from '@graphql-yoga/render-graphiql'
import { createWorker } from './worker'

export type { Env } from './worker'

export default createWorker({
  renderGraphiQL: () => renderGraphiQL({ title: 'Nestwork GraphQL' }),
})
