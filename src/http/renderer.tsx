import { jsxRenderer } from 'hono/jsx-renderer'
import type { Child } from 'hono/jsx'
import { Layout } from '../../views/layout'

declare module 'hono' {
  interface ContextRenderer {
    (content: Child, props?: { title?: string; head?: Child }): Response | Promise<Response>
  }
}

/** Every page goes through `c.render()` into the shared layout. */
export const renderer = () =>
  jsxRenderer(({ children, title, head }) => (
    <Layout title={title} head={head}>
      {children}
    </Layout>
  ))
