import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launchBrowser } from './chromium'
import { startServer, type RunningServer } from './server'

const timeout = 90_000

/**
 * Starts Chromium and a real server (fresh database, free port) for a describe block, and stops
 * both after it. Read `.browser` and `.server` inside tests, once the hooks have run.
 */
export function useChromiumAndServer() {
  let browser: Browser | undefined
  let server: RunningServer | undefined
  beforeAll(async () => {
    browser = await launchBrowser()
    server = await startServer()
  }, timeout)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  }, timeout)
  return {
    get browser(): Browser {
      if (!browser) throw new Error('Chromium did not start')
      return browser
    },
    get server(): RunningServer {
      if (!server) throw new Error('the server did not start')
      return server
    },
  }
}
