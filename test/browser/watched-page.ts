import type { BrowserContext, Page } from 'playwright-core'

export interface Watched {
  page: Page
  pageErrors: string[]
  consoleErrors: string[]
  /** Requests that tried to leave this machine; they are blocked, and a test asserts none. */
  offsite: string[]
}

/** A page that records script errors and blocks (and lists) every request off localhost. */
export async function watchedPage(context: BrowserContext): Promise<Watched> {
  const offsite: string[] = []
  await context.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url())
    if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue()
    offsite.push(route.request().url())
    return route.abort('blockedbyclient')
  })
  const page = await context.newPage()
  const pageErrors: string[] = []
  const consoleErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(String(error)))
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text())
  })
  return { page, pageErrors, consoleErrors, offsite }
}
