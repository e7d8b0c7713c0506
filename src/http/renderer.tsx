import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import { RequestContext } from 'hono/jsx-renderer'
import { Layout } from '../../views/layout'
import { utf8 } from '../encoding'
import type { AppEnv } from './types'

declare module 'hono' {
  interface ContextRenderer {
    (content: Child, props?: { title?: string; head?: Child }): Response | Promise<Response>
  }
}

/**
 * Makes `c.render()` put a page into the shared layout. Called by the first middleware
 * (src/http/request-context.ts) rather than being one, and not hono's `jsxRenderer`, which wraps
 * every page in two more JSX elements and a template on top of the layout's own.
 */
export function useLayout(c: Context<AppEnv>) {
  c.setRenderer((content, props) =>
    htmlAnswer(
      c,
      <Layout title={props?.title} head={props?.head}>
        {content}
      </Layout>,
      '<!DOCTYPE html>',
    ),
  )
}

/**
 * `node` rendered with the request's context (language, user and CSRF token, as `usePage`
 * reads them) and answered as HTML, with the status set by `c.status` and the headers set by
 * `c.header`. The markup goes out as bytes (`utf8`).
 */
export async function htmlAnswer(c: Context<AppEnv>, node: Child, prefix = '') {
  const markup = await (
    <RequestContext.Provider value={c}>{node}</RequestContext.Provider>
  ).toString()
  return c.body(utf8(prefix + markup), undefined, htmlType)
}

const htmlType = { 'Content-Type': 'text/html; charset=UTF-8' }
