/**
 * The webhooks pages of merchants and the coordinator: the endpoint list, adding one (its signing
 * secret shown once, on the answer to the post, never in a URL), changing or switching one back
 * on, deleting one after a confirmation, and an endpoint's delivery log with "send again" and
 * "send a test event". The same service functions serve the webhook GraphQL operations.
 */
import { Hono, type Context } from 'hono'
import { validator } from 'hono/validator'
import type * as z from '../zod'
import { webhookEventTypes } from '../events/types'
import { DeliveriesPage } from '../../views/webhooks/deliveries-page'
import type { EndpointFormState } from '../../views/webhooks/endpoint-form'
import {
  DeleteEndpointPage,
  EditEndpointPage,
  WebhooksPage,
  endpointPath,
  type WebhooksProps,
} from '../../views/webhooks/webhooks-page'
import type { DomainError } from '../errors'
import { needsConfirmation } from '../http/confirm'
import { isHtmx } from '../http/fragments'
import { refusalText } from '../http/refusal-copy'
import { attempt } from '../http/respond'
import type { AppEnv } from '../http/types'
import { webhookEndpointInput, webhookEndpointPatch } from './schemas'
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  redeliverWebhook,
  sendTestWebhook,
  updateWebhookEndpoint,
  type TargetPolicy,
} from './service'

export const webhookRoutes = new Hono<AppEnv>()

type Ctx = Context<AppEnv>

const policy = (c: Ctx): TargetPolicy => ({
  allowPrivate: c.get('deps').config.webhookAllowPrivate,
})

async function listPage(c: Ctx, props: Omit<WebhooksProps, 'endpoints'> = {}) {
  const endpoints = await listWebhookEndpoints(c.get('deps').db, c.get('actor'))
  return c.render(<WebhooksPage endpoints={endpoints} {...props} />, {
    title: c.get('t')('webhooks.title'),
  })
}

async function editPage(c: Ctx, id: string, form?: EndpointFormState) {
  const endpoint = await getWebhookEndpoint(c.get('deps').db, c.get('actor'), id)
  return c.render(<EditEndpointPage endpoint={endpoint} form={form} />, {
    title: c.get('t')('webhooks.editTitle'),
  })
}

/** The form as sent: several `events` checkboxes under one name stay a list. */
function sentForm(value: Record<string, unknown>) {
  const text = (v: unknown) => (typeof v === 'string' ? v : '')
  return {
    url: text(value.url),
    description: text(value.description),
    events: [value.events ?? []].flat().filter((e): e is string => typeof e === 'string'),
    enabled: value.enabled === '1',
  }
}

/** The form to show again, marked where `wrong` says (kept short so a huge value is not echoed). */
function markedForm(c: Ctx, sent: ReturnType<typeof sentForm>, wrong: Set<unknown>) {
  const { t } = c.var
  return {
    url: sent.url.slice(0, 2000),
    description: sent.description.slice(0, 200),
    events: sent.events.filter((e) => (webhookEventTypes as readonly string[]).includes(e)),
    enabled: sent.enabled,
    errors: {
      url: wrong.has('url') ? t('webhooks.urlInvalid') : undefined,
      events: wrong.has('events') ? t('webhooks.eventsMissing') : undefined,
      description: wrong.has('description') ? t('webhooks.descriptionTooLong') : undefined,
    },
  } satisfies EndpointFormState
}

const wrongFields = (error: z.core.$ZodError) => new Set(error.issues.map((i) => i.path[0]))

/** A refusal of the address by the service (not public, not https): the form, its URL marked. */
function targetRefused(c: Ctx, sent: ReturnType<typeof sentForm>, error: DomainError) {
  const form = markedForm(c, sent, new Set())
  form.errors.url = refusalText({ t: c.get('t'), locale: c.get('locale') }, error)
  c.status(400)
  return form
}

const createForm = validator('form', async (value, c: Ctx) => {
  const sent = sentForm(value)
  const parsed = webhookEndpointInput.safeParse(sent)
  if (parsed.success) return { sent, input: parsed.data }
  c.status(400)
  return listPage(c, { form: markedForm(c, sent, wrongFields(parsed.error)) })
})

const editForm = validator('form', async (value, c: Ctx) => {
  const sent = sentForm(value)
  const parsed = webhookEndpointPatch.safeParse(sent)
  if (parsed.success) return { sent, input: parsed.data }
  c.status(400)
  return editPage(c, c.req.param('id')!, markedForm(c, sent, wrongFields(parsed.error)))
})

webhookRoutes.get('/webhooks', async (c) => {
  const notice = c.req.query('updated')
    ? { tone: 'ok' as const, text: c.get('t')('webhooks.updated') }
    : c.req.query('deleted')
      ? { tone: 'ok' as const, text: c.get('t')('webhooks.deleted') }
      : undefined
  return listPage(c, { notice })
})

// Answered with the page itself rather than a redirect: the secret must not travel in a URL.
webhookRoutes.post('/webhooks', createForm, async (c) => {
  const { sent, input } = c.req.valid('form')
  const { db, now } = c.get('deps')
  const outcome = await attempt(createWebhookEndpoint(db, c.get('actor'), input, now(), policy(c)))
  if (!outcome.ok) return listPage(c, { form: targetRefused(c, sent, outcome.error) })
  const { secret, endpoint } = outcome.value
  c.status(201)
  return listPage(c, { created: { url: endpoint.url, secret } })
})

webhookRoutes.get('/webhooks/:id', (c) => editPage(c, c.req.param('id')))

webhookRoutes.post('/webhooks/:id', editForm, async (c) => {
  const { sent, input } = c.req.valid('form')
  const { db, now } = c.get('deps')
  const id = c.req.param('id')
  const outcome = await attempt(
    updateWebhookEndpoint(db, c.get('actor'), id, input, now(), policy(c)),
  )
  if (!outcome.ok) return editPage(c, id, targetRefused(c, sent, outcome.error))
  return c.redirect(`/webhooks?updated=${encodeURIComponent(outcome.value.id)}`, 303)
})

webhookRoutes.post('/webhooks/:id/delete', async (c) => {
  const { db } = c.get('deps')
  const id = c.req.param('id')
  if (needsConfirmation(await c.req.parseBody())) {
    const endpoint = await getWebhookEndpoint(db, c.get('actor'), id)
    return c.render(<DeleteEndpointPage endpoint={endpoint} />, {
      title: c.get('t')('webhooks.title'),
    })
  }
  await deleteWebhookEndpoint(db, c.get('actor'), id)
  const done = '/webhooks?deleted=1'
  // The confirmation step posts with htmx when it can; the endpoint's pages are gone, so htmx
  // is told to load the list rather than swap anything in place.
  if (isHtmx(c)) {
    c.header('HX-Redirect', done)
    return c.body(null, 200)
  }
  return c.redirect(done, 303)
})

webhookRoutes.get('/webhooks/:id/deliveries', async (c) => {
  const { db } = c.get('deps')
  const id = c.req.param('id')
  const endpoint = await getWebhookEndpoint(db, c.get('actor'), id)
  const after = c.req.query('after')
  const page = await listWebhookDeliveries(db, c.get('actor'), id, after ? { after } : {})
  const { t } = c.var
  const notice = c.req.query('sent')
    ? { tone: 'ok' as const, text: t('webhooks.log.testSent') }
    : c.req.query('resent')
      ? { tone: 'ok' as const, text: t('webhooks.log.resent') }
      : undefined
  return c.render(
    <DeliveriesPage
      endpoint={endpoint}
      deliveries={page.nodes}
      nextCursor={page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null}
      notice={notice}
    />,
    { title: t('webhooks.log.title') },
  )
})

webhookRoutes.post('/webhooks/:id/test', async (c) => {
  const { db, now } = c.get('deps')
  const delivery = await sendTestWebhook(db, c.get('actor'), c.req.param('id'), now())
  return c.redirect(`${endpointPath(delivery.endpointId)}/deliveries?sent=1`, 303)
})

webhookRoutes.post('/webhook-deliveries/:id/redeliver', async (c) => {
  const { db, now } = c.get('deps')
  const delivery = await redeliverWebhook(db, c.get('actor'), c.req.param('id'), now())
  return c.redirect(`${endpointPath(delivery.endpointId)}/deliveries?resent=1`, 303)
})
