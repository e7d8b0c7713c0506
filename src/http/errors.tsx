import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { DomainError } from '../errors'
import { ErrorPage } from '../../views/errors'
import { refusalText } from './refusal-copy'
import type { AppEnv } from './types'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/**
 * The one error handler for pages: expected domain errors become a page (or, for htmx, a
 * fragment) with their status; signed-out visitors are sent to sign in; anything else is logged
 * with the request id and shown as a plain 500 that leaks nothing.
 */
export function handleError(error: unknown, c: Context<AppEnv>): Response | Promise<Response> {
  const t = c.get('t')
  if (error instanceof DomainError) {
    if (error.code === 'UNAUTHENTICATED' && c.req.method === 'GET' && !c.req.header('hx-request')) {
      return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`)
    }
    const title =
      error.code === 'FORBIDDEN'
        ? t('error.forbidden.title')
        : error.code === 'NOT_FOUND'
          ? t('error.notFound.title')
          : t('error.badRequest.title')
    const message = refusalText({ t, locale: c.get('locale') }, error)
    c.status(error.status as ContentfulStatusCode)
    if (c.req.header('hx-request')) {
      return c.html(
        <p class="alert alert--error" role="alert">
          {message}
        </p>,
      )
    }
    return c.render(<ErrorPage title={title} body={message} />, { title })
  }
  if (error instanceof HTTPException && error.status < 500) {
    c.status(error.status)
    const title = t('error.badRequest.title')
    const body = error.status === 413 ? t('error.tooLarge') : t('error.BAD_USER_INPUT')
    return c.render(<ErrorPage title={title} body={body} />, { title })
  }
  const requestId = c.get('requestId')
  c.get('deps').logError?.(error, requestId)
  c.status(500)
  const title = t('error.internal.title')
  return c.render(<ErrorPage title={title} body={t('error.internal.body', { requestId })} />, {
    title,
  })
}

/** 404 inside the layout. */
export function handleNotFound(c: Context<AppEnv>) {
  const t = c.get('t')
  c.status(404)
  const title = t('error.notFound.title')
  return c.render(<ErrorPage title={title} body={t('error.notFound.body')} />, { title })
}
