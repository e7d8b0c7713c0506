// Finds a Chromium for the browser tests and launches it headless through playwright-core.
// Locally, a missing Chromium skips the browser suite with a warning; on CI it is an error.
import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'

const candidates = ['chromium', 'chromium-browser']

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) return fromEnv
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean)
  for (const dir of [...dirs, '/usr/bin']) {
    for (const name of candidates) {
      const path = join(dir, name)
      if (isExecutable(path)) return path
    }
  }
  return undefined
}

/** The Chromium executable: `CHROMIUM_PATH`, else `chromium` / `chromium-browser` on PATH. */
export const chromiumPath: string | undefined = findChromium()

export const missingChromiumMessage =
  'Browser tests need Chromium and none was found. Install it (Debian/Ubuntu: ' +
  '`apt-get install chromium`) or set CHROMIUM_PATH to a Chromium executable.'

/** On CI (where Chromium is installed) a missing browser must fail, not silently skip. */
export const requireChromium = !['', '0', 'false'].includes(process.env.CI ?? '')

/**
 * Whether the browser suite runs. True when Chromium was found, and also on CI without it, so
 * that the suite runs and fails with `missingChromiumMessage` instead of being skipped.
 */
export const browserTestsEnabled = chromiumPath !== undefined || requireChromium

if (!chromiumPath && !requireChromium) {
  console.warn(`[browser tests skipped] ${missingChromiumMessage}`)
}

/** Launches headless Chromium with networking extras off; throws if none was found. */
export async function launchBrowser(): Promise<Browser> {
  if (!chromiumPath) throw new Error(missingChromiumMessage)
  if (!isExecutable(chromiumPath)) {
    throw new Error(`CHROMIUM_PATH=${chromiumPath} is not an executable file.`)
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}
