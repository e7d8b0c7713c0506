import type { Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { getCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import { apiTokenBearer } from './api-token-bearer'
import { csrfProtection } from './csrf'
import { handleError } from './errors'
import { formBody } from './form-body'
import { markPrivate } from './security-headers'
import { readSession } from './session'
import type { AppEnv } from './types'

/**
 * What every page route needs before it runs, in order: the body bounded (routes that take files
 * set their own, tighter limits with a page in the user's language; this is the backstop, before
 * anything reads a body), the session and language, an API token in place of a session, the form
 * read once, the CSRF check; and after it, the answer marked private (`markPrivate`), refusals of
 * the form and CSRF steps included. One middleware rather than six: each layer of hono's chain is
 * two more promises a request waits on, most of them for steps with nothing to do (a GET has no
 * body, a visitor no session), and on the busiest public page that was a tenth of its time.
 * @example app.use(pageRequest()); app.route('/', homeRoutes)
 */
export const pageRequest = (maxBodyBytes = 32 * 1024 * 1024) => {
  const bounded = bodyLimit({ maxSize: maxBodyBytes, onError: pageTooLarge })
  return createMiddleware<AppEnv>(function pageRequest(c, next) {
    return c.req.raw.body === null ? steps(c, next) : bounded(c, () => steps(c, next))
  })
}

async function steps(c: Context<AppEnv>, next: () => Promise<void>): Promise<void> {
  const cookies = getCookie(c)
  await readSession(c, cookies)
  const refusal = await apiTokenBearer(c)
  if (refusal) {
    c.res = refusal
    return
  }
  try {
    await formBody(c)
    await csrfProtection(c, cookies)
  } catch (error) {
    // As hono's chain answers a middleware that throws, so the refusal is marked private too.
    if (!(error instanceof Error)) throw error
    c.error = error
    c.res = await handleError(error, c)
    markPrivate(c)
    return
  }
  await next()
  markPrivate(c)
}

// Before the session is read the page speaks the default language, Chinese.
const pageTooLarge = (c: Context<AppEnv>) => c.text(c.get('t')('error.tooLarge'), 413)
