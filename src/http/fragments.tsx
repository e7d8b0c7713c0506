import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import { htmlAnswer } from './renderer'
import type { AppEnv } from './types'

/** An htmx fragment rendered with the request's language and CSRF token, without the layout. */
export const fragment = (c: Context<AppEnv>, node: Child) => htmlAnswer(c, node)

/** Whether htmx sent the request (and so wants a fragment, not a page). */
export const isHtmx = (c: Context<AppEnv>) => c.req.header('hx-request') === 'true'

/** A form field as text; a missing field or a file is the empty string. */
export const formText = (value: unknown) => (typeof value === 'string' ? value : '')
