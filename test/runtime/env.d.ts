import type { D1Migration } from 'cloudflare:test'

declare global {
  namespace Cloudflare {
    interface Env {
      DB: D1Database
      ASSETS: Fetcher
      BLOBS: R2Bucket
      TEST_MIGRATIONS: D1Migration[]
    }
  }
}
