/**
 * The people side of returns for signed-in members: the merchant's list, registration form,
 * detail and printable label, and the drop-off station's console. Routes parse (with the shared
 * schemas), call the domain and render; the domain decides who may do what.
 */
import { Hono, type Context } from 'hono'
import { renderSVG } from 'uqr'
import { returnStatuses } from '../../db/schema'
import { LabelPage } from '../../views/returns/label-page'
import { ReturnDetailPage, type DetailNotice } from '../../views/returns/return-detail'
import {
  formFields,
  ReturnFormPage,
  type ReturnFormErrors,
  type ReturnFormValues,
} from '../../views/returns/return-form'
import { ReturnsListPage } from '../../views/returns/returns-list'
import {
  CheckInCard,
  ConsolePage,
  MonthTotal,
  TodayParcels,
  type CheckInResult,
} from '../../views/station/console-page'
import { riskBandIfOptedIn } from '../benchmarks/service'
import { requireRole, type Actor } from '../auth/roles'
import { localDate } from '../calendar/local-date'
import { photosOf, readInspectionPhoto } from '../inspection/photos'
import { DomainError, InvalidInput, NotFound } from '../errors'
import { fragment, isHtmx, formText as text } from '../http/fragments'
import type { AppEnv } from '../http/types'
import { formatFen } from '../money'
import { getHub, getMerchant, getStation } from '../network/service'
import { stationCommissions } from '../stations/service'
import { checkInParcel, type CheckInRefusal } from './check-in'
import { maskContact } from './contact'
import { trackingUrl } from './graphql'
import { codeSchema, registerReturnSchema } from './schemas'
import {
  cancelReturn,
  customerContact,
  destinationHubs,
  getReturn,
  listReturns,
  registerReturn,
  timeline,
} from './service'
import { stationParcels } from './station-console'
import { yuanToFen } from '../money'

export const returnsRoutes = new Hono<AppEnv>()

type Ctx = Context<AppEnv>

const PAGE_SIZE = 20

/** Where labels' QR codes and the tracking links point: the configured public URL, else ours. */
const baseUrl = (c: Ctx) => c.var.deps.config.publicUrl ?? new URL(c.req.url).origin

// ---------------------------------------------------------------------------------------------
// Merchant: list, register, detail, cancel, label

returnsRoutes.get('/returns', async (c) => {
  const { db } = c.var.deps
  const actor = requireRole(c.var.actor, 'MERCHANT', 'COORDINATOR')
  const wanted = c.req.query('status')
  const status = returnStatuses.find((s) => s === wanted)
  const after = c.req.query('after') || undefined
  const [page, hubs] = await Promise.all([
    listReturns(db, actor, { status, first: PAGE_SIZE, after }),
    destinationHubs(db, actor),
  ])
  return c.render(
    <ReturnsListPage
      returns={page.nodes}
      hubs={hubs}
      status={status}
      after={after}
      nextCursor={page.hasNextPage ? page.endCursor : null}
      canRegister={actor.role === 'MERCHANT'}
    />,
    { title: c.var.t('returns.list.title') },
  )
})

returnsRoutes.get('/returns/new', async (c) => {
  const { db } = c.var.deps
  const actor = requireRole(c.var.actor, 'MERCHANT')
  const [merchant, hubs] = await Promise.all([
    getMerchant(db, actor, actor.merchantId!),
    destinationHubs(db, actor),
  ])
  const values: ReturnFormValues = {
    orderRef: '',
    category: merchant.category,
    itemDescription: '',
    orderValue: '',
    largeItem: false,
    reason: '',
    hubId: hubs.length === 1 ? hubs[0]!.id : '',
    customerContact: '',
  }
  return c.render(<ReturnFormPage hubs={hubs} values={values} />, {
    title: c.var.t('returns.new.title'),
  })
})

returnsRoutes.post('/returns', async (c) => {
  const { db, now, config } = c.var.deps
  const actor = requireRole(c.var.actor, 'MERCHANT')
  const form = await c.req.parseBody()
  const values: ReturnFormValues = {
    orderRef: text(form.orderRef),
    category: text(form.category),
    itemDescription: text(form.itemDescription),
    orderValue: text(form.orderValue),
    largeItem: text(form.largeItem) !== '',
    reason: text(form.reason),
    hubId: text(form.hubId),
    customerContact: text(form.customerContact),
  }
  // Yuan become fen by moving the decimal point in the string; the shared schema then sees
  // exactly what GraphQL clients send.
  const fen = yuanToFen(values.orderValue)
  const parsed = registerReturnSchema.safeParse({ ...values, orderValueFen: fen ?? undefined })
  let errors: ReturnFormErrors = {}
  if (!parsed.success || fen === null) {
    errors = formErrors(c, parsed.success ? [] : parsed.error.issues, values.orderValue, fen)
  } else {
    try {
      const created = await registerReturn(db, actor, parsed.data, now(), config.contactKey)
      return c.redirect(`/returns/${created.id}?registered=1`, 303)
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error
      errors = { [fieldOf(error.field)]: messageFor(c, fieldOf(error.field), undefined) }
    }
  }
  const hubs = await destinationHubs(db, actor)
  c.status(400)
  return c.render(<ReturnFormPage hubs={hubs} values={values} errors={errors} />, {
    title: c.var.t('returns.new.title'),
  })
})

type Field = keyof ReturnFormValues

/** The schema names the fen; the form asks for yuan. */
const fieldOf = (schemaField: string): Field => {
  const field = schemaField === 'orderValueFen' ? 'orderValue' : schemaField
  return formFields.includes(field as Field) ? (field as Field) : 'orderRef'
}

interface Issue {
  code: string
  path: PropertyKey[]
  maximum?: unknown
}

function formErrors(
  c: Ctx,
  issues: readonly Issue[],
  orderValue: string,
  fen: number | null,
): ReturnFormErrors {
  const errors: ReturnFormErrors = {}
  for (const issue of issues) {
    const field = fieldOf(String(issue.path[0]))
    errors[field] ??= messageFor(c, field, issue)
  }
  // The amount's own reading comes first: "12.345" is malformed, not "missing".
  if (fen === null) {
    errors.orderValue = c.var.t(
      orderValue.trim() === ''
        ? 'returns.error.orderValue.required'
        : 'returns.error.orderValue.format',
    )
  }
  return errors
}

/** One localised sentence per wrong field: too long says the limit, anything else what to do. */
function messageFor(c: Ctx, field: Field, issue: Issue | undefined): string {
  const t = c.var.t
  if (issue?.code === 'too_big') {
    if (field === 'orderValue') {
      return t('returns.error.orderValue.max', {
        max: formatFen(Number(issue.maximum), c.var.locale),
      })
    }
    return t('returns.error.tooLong', { max: Number(issue.maximum) })
  }
  switch (field) {
    case 'orderValue':
      return t('returns.error.orderValue.format')
    // A checkbox reaches the schema as a boolean and cannot be wrong; a contact only too long.
    case 'largeItem':
    case 'customerContact':
      return t('returns.error.tooLong', { max: 100 })
    default:
      return t(`returns.error.${field}`)
  }
}

/** The detail page; only a merchant sees its customer's contact, and only masked. */
async function renderDetail(c: Ctx, id: string, notice?: DetailNotice) {
  const { db, config, now } = c.var.deps
  const actor = requireRole(c.var.actor, 'MERCHANT', 'COORDINATOR')
  const ret = await getReturn(db, actor, id)
  const [hub, station, events, contact, photos] = await Promise.all([
    getHub(db, actor, ret.hubId),
    ret.stationId ? getStation(db, actor, ret.stationId) : null,
    timeline(db, ret.id),
    actor.role === 'MERCHANT' ? customerContact(db, actor, ret.id, config.contactKey) : null,
    photosOf(db, ret.id),
  ])
  const risk =
    actor.role === 'MERCHANT' ? await riskBandIfOptedIn(db, actor, ret.id, now()) : undefined
  return c.render(
    <ReturnDetailPage
      ret={ret}
      hub={hub}
      station={station}
      events={events}
      photos={photos}
      contact={contact === null ? null : maskContact(contact)}
      risk={risk}
      trackUrl={trackingUrl(baseUrl(c), ret.code)}
      canCancel={ret.status === 'REGISTERED'}
      notice={notice}
    />,
    { title: c.var.t('returns.detail.title', { code: ret.code }) },
  )
}

returnsRoutes.get('/returns/:id', (c) => {
  const notice = c.req.query('registered')
    ? 'registered'
    : c.req.query('cancelled')
      ? 'cancelled'
      : undefined
  return renderDetail(c, c.req.param('id'), notice)
})

returnsRoutes.post('/returns/:id/cancel', async (c) => {
  const id = c.req.param('id')
  try {
    await cancelReturn(c.var.deps.db, c.var.actor, id, c.var.deps.now())
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'CONFLICT') throw error
    c.status(409)
    return renderDetail(c, id, 'cancelRefused')
  }
  return c.redirect(`/returns/${encodeURIComponent(id)}?cancelled=1`, 303)
})

/** One inspection photo, for the return's merchant, its hub and coordinators; NOT_FOUND otherwise. */
returnsRoutes.get('/returns/:id/photos/:photoId', async (c) => {
  const { db, blobs } = c.var.deps
  if (!blobs) throw new NotFound('Photo')
  const { photo, bytes } = await readInspectionPhoto(
    db,
    blobs,
    c.var.actor,
    c.req.param('id'),
    c.req.param('photoId'),
  )
  return c.body(bytes, 200, {
    'content-type': photo.contentType,
    'content-length': String(bytes.length),
    'content-disposition': `inline; filename="${photo.id}"`,
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  })
})

returnsRoutes.get('/returns/:id/label', async (c) => {
  const { db } = c.var.deps
  const actor = requireRole(c.var.actor, 'MERCHANT', 'COORDINATOR')
  const ret = await getReturn(db, actor, c.req.param('id'))
  const hub = await getHub(db, actor, ret.hubId)
  const url = trackingUrl(baseUrl(c), ret.code)
  // ECC M survives a scuffed label; the 4-module quiet zone is what scanners expect.
  const qrSvg = renderSVG(url, { ecc: 'M', border: 4 })
  return c.render(<LabelPage ret={ret} hub={hub} qrSvg={qrSvg} trackUrl={url} />, {
    title: c.var.t('returns.label.title', { code: ret.code }),
    head: <script src="/static/label.js" defer></script>,
  })
})

// ---------------------------------------------------------------------------------------------
// Station console: check parcels in, today's parcels, this month's commission

async function consoleData(c: Ctx, actor: Actor) {
  const { db, now } = c.var.deps
  const today = localDate(now())
  const month = today.slice(0, 7)
  const [station, parcels, statement] = await Promise.all([
    getStation(db, actor, actor.stationId!),
    stationParcels(db, actor, { date: today }),
    stationCommissions(db, actor, actor.stationId!, month),
  ])
  return {
    station,
    parcels,
    commission: { month, parcels: statement.parcels, totalFen: statement.totalFen },
  }
}

const consoleHead = <script src="/static/scan.js" defer></script>

returnsRoutes.get('/station', async (c) => {
  const actor = requireRole(c.var.actor, 'STATION_OPERATOR')
  const data = await consoleData(c, actor)
  return c.render(<ConsolePage {...data} />, {
    title: c.var.t('returns.console.title'),
    head: consoleHead,
  })
})

const refusalReasons = new Set<CheckInRefusal>(['CANCELLED', 'OTHER_STATION', 'STATION_INACTIVE'])

returnsRoutes.post('/station/check-in', async (c) => {
  const { db, now } = c.var.deps
  const actor = requireRole(c.var.actor, 'STATION_OPERATOR')
  const form = await c.req.parseBody()
  const typed = text(form.code)
  let result: CheckInResult
  let status = 200
  const parsed = codeSchema.safeParse({ code: typed })
  if (!parsed.success) {
    result = { kind: 'refused', reason: 'required' }
    status = 400
  } else {
    try {
      const done = await checkInParcel(db, actor, parsed.data.code, now())
      result = done.alreadyCheckedIn
        ? { kind: 'already', code: done.return.code }
        : {
            kind: 'checkedIn',
            code: done.return.code,
            commissionFen: done.commissionFen,
            largeItem: done.return.largeItem,
          }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      if (error.code === 'NOT_FOUND') {
        result = { kind: 'refused', reason: 'notFound' }
      } else if (error.code === 'CONFLICT') {
        const reason = error.details.reason as CheckInRefusal
        result = { kind: 'refused', reason: refusalReasons.has(reason) ? reason : 'other' }
      } else {
        throw error
      }
      status = error.status
    }
  }
  // After a check-in the field is cleared for the next parcel; a refused code stays to be fixed.
  const keep = result.kind === 'refused' ? typed : undefined
  c.status(status as 200)
  if (!isHtmx(c)) {
    const data = await consoleData(c, actor)
    return c.render(<ConsolePage {...data} result={result} typed={keep} />, {
      title: c.var.t('returns.console.title'),
      head: consoleHead,
    })
  }
  if (result.kind === 'refused') return fragment(c, <CheckInCard result={result} typed={keep} />)
  const data = await consoleData(c, actor)
  return fragment(
    c,
    <>
      <CheckInCard result={result} />
      <TodayParcels parcels={data.parcels} oob />
      <MonthTotal commission={data.commission} oob />
    </>,
  )
})
