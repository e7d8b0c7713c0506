/**
 * The four answers to a form post, written once. htmx swaps a fragment in place, accepted or
 * refused; a browser without JavaScript follows a redirect after a change (so reloading does
 * not post again) and gets the whole page back, with the refusal said on it, when refused.
 */
import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { DomainError, type ErrorCode } from '../errors'
import { fragment, isHtmx } from './fragments'
import type { AppEnv } from './types'

type Ctx = Context<AppEnv>
type View = () => Child | Promise<Child>
type Page = () => Response | Promise<Response>

/** A change went through: the fragment for htmx, `redirect` (303) for a plain form. */
export async function accepted(c: Ctx, answer: { fragment: View; redirect: string }) {
  if (!isHtmx(c)) return c.redirect(answer.redirect, 303)
  return fragment(c, await answer.fragment())
}

/**
 * A change was refused: the refusal's status with the fragment for htmx, or with the whole
 * `page` for a plain form.
 */
export async function refused(c: Ctx, error: DomainError, answer: { fragment: View; page: Page }) {
  c.status(error.status as ContentfulStatusCode)
  if (!isHtmx(c)) return answer.page()
  return fragment(c, await answer.fragment())
}

/** The codes a person can act on at the form they used; the rest go to the error handler. */
const actionable: readonly ErrorCode[] = ['BAD_USER_INPUT', 'CONFLICT', 'CAPACITY_EXCEEDED']

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: DomainError }

/**
 * Runs a domain call and hands back its refusal instead of throwing it, when the refusal is one
 * of `codes`; anything else (not allowed, not found, a bug) still throws.
 * @example const outcome = await attempt(bookHubCapacity(db, actor, input, now))
 */
export async function attempt<T>(
  work: Promise<T>,
  codes: readonly ErrorCode[] = actionable,
): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work }
  } catch (error) {
    if (error instanceof DomainError && codes.includes(error.code)) return { ok: false, error }
    throw error
  }
}
