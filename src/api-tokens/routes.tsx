/**
 * The API tokens page of merchants and the coordinator: the list, creating a named token with
 * scopes (its secret shown once, on the answer to the post, never again) and revoking one after
 * a confirmation. The same service functions serve `createApiToken`, `apiTokens` and
 * `revokeApiToken` in GraphQL.
 */
import { Hono, type Context } from 'hono'
import { validator } from 'hono/validator'
import {
  ApiTokenRow,
  ApiTokensPage,
  ApiTokensSection,
  RevokeTokenPage,
  RevokeTokenRow,
  type ApiTokensProps,
  type TokenFormState,
} from '../../views/api-tokens/api-tokens-page'
import { apiScopes, type ApiScope } from '../../db/schema'
import { needsConfirmation } from '../http/confirm'
import { fragment, isHtmx } from '../http/fragments'
import { accepted } from '../http/respond'
import type { AppEnv } from '../http/types'
import {
  createApiToken,
  createApiTokenInput,
  findApiToken,
  listApiTokens,
  revokeApiToken,
} from './service'

export const apiTokenRoutes = new Hono<AppEnv>()

type Ctx = Context<AppEnv>

/** The page, or for htmx the section under its heading, with the caller's tokens. */
async function answer(c: Ctx, props: Omit<ApiTokensProps, 'tokens'> = {}) {
  const tokens = await listApiTokens(c.get('deps').db, c.get('actor'))
  if (isHtmx(c)) return fragment(c, <ApiTokensSection tokens={tokens} {...props} />)
  return c.render(<ApiTokensPage tokens={tokens} {...props} />, {
    title: c.get('t')('apiTokens.title'),
  })
}

/**
 * The create form: several `scopes` checkboxes under one name, so the list is kept (the shared
 * form helper keeps a repeated text field's last value). A refusal re-renders the form marked.
 */
const createForm = validator('form', async (value, c: Ctx) => {
  const scopes = [value.scopes ?? []].flat().filter((s) => typeof s === 'string')
  const sent = { name: typeof value.name === 'string' ? value.name : '', scopes }
  const parsed = createApiTokenInput.safeParse(sent)
  if (parsed.success) return parsed.data
  const wrong = new Set(parsed.error.issues.map((i) => i.path[0]))
  const form: TokenFormState = {
    name: sent.name.slice(0, 80),
    scopes: scopes.filter((s): s is ApiScope => (apiScopes as readonly string[]).includes(s)),
    errors: {
      name: wrong.has('name') ? c.get('t')('apiTokens.nameMissing') : undefined,
      scopes: wrong.has('scopes') ? c.get('t')('apiTokens.scopesMissing') : undefined,
    },
  }
  c.status(400)
  return answer(c, { form })
})

apiTokenRoutes.get('/api-tokens', async (c) => {
  const revoked = c.req.query('revoked')
  if (!revoked) return answer(c)
  const tokens = await listApiTokens(c.get('deps').db, c.get('actor'))
  const token = tokens.find((k) => k.id === revoked && k.revokedAt)
  const notice = token && {
    tone: 'ok' as const,
    text: c.get('t')('apiTokens.revoked', { name: token.name }),
  }
  return answer(c, { notice })
})

// Answered with the page itself rather than a redirect: the secret must not travel in a URL.
apiTokenRoutes.post('/api-tokens', createForm, async (c) => {
  const { db, now } = c.get('deps')
  const { token, apiToken } = await createApiToken(db, c.get('actor'), c.req.valid('form'), now())
  c.status(201)
  return answer(c, { created: { name: apiToken.name, token } })
})

apiTokenRoutes.post('/api-tokens/:id/revoke', async (c) => {
  const { db, now } = c.get('deps')
  const id = c.req.param('id')
  const body = await c.req.parseBody()
  if (needsConfirmation(body)) {
    const token = await findApiToken(db, c.get('actor'), id)
    if (isHtmx(c)) return fragment(c, <RevokeTokenRow token={token} />)
    return c.render(<RevokeTokenPage token={token} />, { title: c.get('t')('apiTokens.title') })
  }
  const token = await revokeApiToken(db, c.get('actor'), id, now())
  const notice = {
    tone: 'ok' as const,
    text: c.get('t')('apiTokens.revoked', { name: token.name }),
  }
  return accepted(c, {
    redirect: `/api-tokens?revoked=${encodeURIComponent(token.id)}`,
    fragment: () => <ApiTokenRow token={token} notice={notice} />,
  })
})
