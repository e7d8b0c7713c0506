/**
 * The people side of closing the loop: the hub's inspection screen, the merchant's after-sales
 * desk, the month's service levels and the merchant's staff certification. Routes parse, call
 * the inspection domain (which checks who may do what) and render; refusals come back as
 * sentences from the catalogues, never as the English domain message.
 */
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { Category, Grade } from '../../db/schema'
import type { NoticeData } from '../../views/components/notice'
import { DeskItemDone, DeskItemView, forbiddenReason } from '../../views/inspection/desk-item'
import type { DeskItemState } from '../../views/inspection/desk-item'
import { DeskPage } from '../../views/inspection/desk-page'
import { reasonLabel } from '../../views/inspection/format'
import { QueuePage } from '../../views/inspection/queue-page'
import { ErrorPage } from '../../views/errors'
import { ServiceLevelsPage } from '../../views/inspection/service-levels-page'
import {
  GradeChoices,
  SheetPage,
  type GradeFit,
  type SheetErrors,
  type SheetPageProps,
} from '../../views/inspection/sheet-page'
import { CertifiedShare, StaffPage, StaffRow } from '../../views/inspection/staff-page'
import { requireRole } from '../auth/roles'
import { isoMonth } from '../calendar/schemas'
import { isIsoDate, localDate } from '../calendar/local-date'
import { Conflict, DomainError, InvalidInput, NotFound } from '../errors'
import { fragment, isHtmx, formText as text } from '../http/fragments'
import { needsConfirmation } from '../http/confirm'
import type { AppEnv } from '../http/types'
import { formatFen, yuanToFen } from '../money'
import { listHubs, listMerchants } from '../network/service'
import { formatCode, normalizeCode } from '../returns/code'
import { getReturn } from '../returns/service'
import { dismissBreachNotices } from './breach-notices'
import { NEAR_EXPIRY_DAYS, type ChecklistItem } from './checklists'
import {
  afterSalesDesk,
  findParcelByCode,
  getDeskItem,
  inspectionQueue,
  inspectionSheet,
  type InspectionSheet,
} from './desk'
import { allowedGrades, parseAnswers } from './rules'
import {
  certificationSchema,
  inspectSchema,
  resolveSchema,
  respondSchema,
  staffSchema,
} from './schemas'
import {
  checkResolution,
  closeReturn,
  getResolution,
  inspectReturn,
  resolveReturn,
  respondToReturn,
} from './service'
import { serviceLevels } from './service-levels'
import { addInspectionPhotos, photoLimits, photoStatuses } from './photos'
import { uploadsOf } from '../uploads'
import { addStaff, listStaff, setStaffCertification } from './staff'
import { formatList } from '../../views/components/format'
import { localizedName } from '../i18n/localized-name'

export const inspectionRoutes = new Hono<AppEnv>()

type Ctx = Context<AppEnv>

const scripts = (...names: string[]) => (
  <>
    {names.map((name) => (
      <script src={`/static/${name}.js`} defer></script>
    ))}
  </>
)

/** A code or an id that came back in an address: show it, never trust it further. */
const shown = (value: string) => value.slice(0, 40)

/** `?x=<returnId>` after a redirect: the return, if the caller may see it. */
async function flashReturn(c: Ctx, id: string | undefined) {
  if (!id) return undefined
  return getReturn(c.var.deps.db, c.var.actor, id).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === 'NOT_FOUND') return undefined
    throw error
  })
}

// ---------------------------------------------------------------------------------------------
// Hub operator (and coordinator): the inspection queue and one parcel's inspection

inspectionRoutes.get('/inspect', async (c) => {
  const { db, now } = c.var.deps
  const t = c.var.t
  const at = now()
  const items = await inspectionQueue(db, c.var.actor, at)
  const actor = requireRole(c.var.actor, 'HUB_OPERATOR', 'COORDINATOR')
  const typed = c.req.query('code')?.trim()
  let notice: NoticeData | undefined
  if (typed) {
    if (!normalizeCode(typed)) {
      c.status(400)
      notice = { tone: 'error', text: t('inspection.queue.badCode', { code: shown(typed) }) }
    } else {
      try {
        const found = await findParcelByCode(db, actor, typed)
        return c.redirect(`/inspect/${encodeURIComponent(found.id)}`, 303)
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'NOT_FOUND') throw error
        c.status(404)
        const code = formatCode(normalizeCode(typed)!)
        notice = { tone: 'error', text: t('inspection.queue.notFound', { code }) }
      }
    }
  } else {
    const done = await flashReturn(c, c.req.query('inspected'))
    const inspection = done && (await inspectionSheet(db, actor, done.id, at)).inspection
    if (done && inspection) {
      notice = {
        tone: 'ok',
        text: t('inspection.queue.done', {
          code: formatCode(done.code),
          grade: t(`inspection.grade.${inspection.grade as Grade}`),
        }),
      }
    }
  }
  return c.render(
    <QueuePage
      items={items}
      hubs={await listHubs(db, actor)}
      showHub={actor.role === 'COORDINATOR'}
      now={at}
      notice={notice}
      typed={notice?.tone === 'error' ? typed : undefined}
    />,
    { title: t('inspection.queue.title'), head: scripts('scan', 'countdown') },
  )
})

/** Checklist answers as the form sends them (`item.<key>`); unanswered fields are left out. */
function answersFrom(form: Record<string, unknown>): Record<string, string> {
  const answers: Record<string, string> = {}
  for (const [name, value] of Object.entries(form)) {
    if (!name.startsWith('item.') || typeof value !== 'string' || value.trim() === '') continue
    answers[name.slice(5)] = value
  }
  return answers
}

const asChecklist = (answers: Record<string, string>) =>
  Object.entries(answers).map(([item, value]) => ({ item, value }))

/** Which grades fit, once the answers are complete and well-formed; null before that. */
function gradeFit(c: Ctx, category: Category, answers: Record<string, string>): GradeFit | null {
  let parsed
  try {
    parsed = parseAnswers(category, asChecklist(answers))
  } catch (error) {
    if (error instanceof InvalidInput) return null
    throw error
  }
  const { allowed, reasons } = allowedGrades(category, parsed, localDate(c.var.deps.now()))
  return {
    allowed,
    reasons: reasons.map((r) => reasonLabel(c.var.t, r, { days: NEAR_EXPIRY_DAYS })),
  }
}

/** What is wrong with each answer, for the form; the domain has already refused them. */
function answerErrors(c: Ctx, items: ChecklistItem[], answers: Record<string, string>) {
  const t = c.var.t
  const errors: Record<string, string> = {}
  for (const item of items) {
    const value = answers[item.key]
    if (value === undefined) {
      if (item.required) errors[item.key] = t('inspection.refused.answer')
    } else if (item.kind === 'date' && !isIsoDate(value)) {
      errors[item.key] = t('inspection.refused.date')
    } else if (item.kind === 'text' && value.length > 500) {
      errors[item.key] = t('inspection.refused.text')
    } else if (item.kind === 'boolean' && value !== 'true' && value !== 'false') {
      errors[item.key] = t('inspection.refused.answer')
    }
  }
  return errors
}

function renderSheet(c: Ctx, props: SheetPageProps, photoError?: string) {
  const t = c.var.t
  const title = `${t('inspection.sheet.title')} ${formatCode(props.sheet.return.code)}`
  const { sheet } = props
  const remaining = photoLimits.maxFiles - sheet.photos.length
  const open = (photoStatuses as readonly string[]).includes(sheet.return.status)
  const addPhotos =
    c.var.deps.blobs && open && remaining > 0
      ? { remaining, maxMegabytes: photoLimits.maxBytes / 1024 / 1024, error: photoError }
      : undefined
  return c.render(<SheetPage {...props} addPhotos={addPhotos} />, {
    title,
    head: scripts('countdown'),
  })
}

inspectionRoutes.get('/inspect/:id', async (c) => {
  const { db, now } = c.var.deps
  const at = now()
  const sheet = await inspectionSheet(db, c.var.actor, c.req.param('id'), at)
  const notice: NoticeData | undefined =
    c.req.query('photos') === '1'
      ? { tone: 'ok', text: c.var.t('inspection.photos.done') }
      : undefined
  return renderSheet(c, { sheet, now: at, notice })
})

/** Up to the photos the limits allow, plus a little room for the rest of the form. */
const photoBodyLimit = bodyLimit({
  maxSize: photoLimits.maxFiles * photoLimits.maxBytes + 256 * 1024,
  onError: (c: Ctx) => {
    const t = c.var.t
    const title = t('inspection.photos.tooBig.title')
    c.status(413)
    return c.render(
      <ErrorPage
        title={title}
        body={t('inspection.photos.tooBig', {
          files: photoLimits.maxFiles,
          megabytes: photoLimits.maxBytes / 1024 / 1024,
        })}
      />,
      { title },
    )
  },
})

/** A refusal of photos in words. */
function photoError(c: Ctx, error: DomainError): string {
  const t = c.var.t
  const file = String(error.details.file ?? '')
  switch (error.details.reason) {
    case 'TOO_MANY':
      return t('inspection.photos.error.tooMany', { max: photoLimits.maxFiles })
    case 'EMPTY':
      return t('inspection.photos.error.empty', { file })
    case 'TOO_LARGE':
      return t('inspection.photos.error.tooLarge', {
        file,
        megabytes: photoLimits.maxBytes / 1024 / 1024,
      })
    case 'TYPE':
      return t('inspection.photos.error.type', { file })
    default:
      return t('inspection.photos.error.other')
  }
}

/** Hub staff add photos (multipart, works without script), then see the sheet again. */
inspectionRoutes.post('/inspect/:id/photos', photoBodyLimit, async (c) => {
  const { db, now, blobs } = c.var.deps
  const t = c.var.t
  const at = now()
  const actor = c.var.actor
  const sheet = await inspectionSheet(db, actor, c.req.param('id'), at)
  if (!blobs) throw new NotFound('Photo')
  const files = await uploadsOf(await c.req.parseBody({ all: true }), 'photos')
  let error: string
  let notice: NoticeData | undefined
  if (files.length === 0) error = t('inspection.photos.error.none')
  else {
    try {
      await addInspectionPhotos(db, blobs, actor, sheet.return.id, files, at)
      return c.redirect(`/inspect/${encodeURIComponent(sheet.return.id)}?photos=1#photos`, 303)
    } catch (e) {
      if (!(e instanceof DomainError) || (e.code !== 'BAD_USER_INPUT' && e.code !== 'CONFLICT'))
        throw e
      if (e.code === 'CONFLICT') {
        c.status(409)
        error = t('inspection.photos.error.status')
        notice = { tone: 'error', text: error }
      } else error = photoError(c, e)
    }
  }
  if (!notice) c.status(400)
  const now2 = await inspectionSheet(db, actor, sheet.return.id, at)
  return renderSheet(c, { sheet: now2, now: at, notice }, error)
})

/** htmx: the grade buttons redrawn for the answers so far. */
inspectionRoutes.post('/inspect/:id/grades', async (c) => {
  const { db, now } = c.var.deps
  const sheet = await inspectionSheet(db, c.var.actor, c.req.param('id'), now())
  const form = await c.req.parseBody()
  const fit = gradeFit(c, sheet.return.category, answersFrom(form))
  return fragment(c, <GradeChoices selected={text(form.grade)} fit={fit} />)
})

inspectionRoutes.post('/inspect/:id', async (c) => {
  const { db, now } = c.var.deps
  const t = c.var.t
  const at = now()
  const actor = c.var.actor
  const sheet: InspectionSheet = await inspectionSheet(db, actor, c.req.param('id'), at)
  const r = sheet.return
  const form = await c.req.parseBody()
  const answers = answersFrom(form)
  const sent = { answers, grade: text(form.grade), notes: text(form.notes) }
  const fit = gradeFit(c, r.category, answers)

  if (form.intent === 'check') return renderSheet(c, { sheet, now: at, ...sent, fit })

  const errors: SheetErrors = {}
  const parsed = inspectSchema.safeParse({
    returnId: r.id,
    grade: form.grade,
    checklist: asChecklist(answers),
    notes: sent.notes,
  })
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0])
      if (field === 'grade') errors.grade = t('inspection.refused.chooseGrade')
      else if (field === 'notes') errors.notes = t('inspection.refused.notes')
    }
    if (fit === null) errors.items = answerErrors(c, sheet.items, answers)
  } else {
    try {
      await inspectReturn(db, actor, parsed.data, at)
      return c.redirect(`/inspect?inspected=${encodeURIComponent(r.id)}`, 303)
    } catch (error) {
      if (error instanceof Conflict) {
        const now2 = await inspectionSheet(db, actor, r.id, at)
        c.status(409)
        return renderSheet(c, {
          sheet: now2,
          now: at,
          notice: {
            tone: 'error',
            text: t('inspection.refused.conflict', {
              status: t(`returns.status.${now2.return.status}`),
            }),
          },
        })
      }
      if (!(error instanceof InvalidInput)) throw error
      if (error.field === 'grade' && fit) {
        const gradeName = (g: Grade) => t(`inspection.grade.${g}`)
        errors.grade = t('inspection.refused.grade', {
          grade: gradeName(parsed.data.grade),
          reasons: fit.reasons.join(t('inspection.sep')),
          allowed: formatList(fit.allowed.map(gradeName), c.var.locale) || '—',
        })
      } else {
        errors.items = answerErrors(c, sheet.items, answers)
      }
    }
  }
  c.status(400)
  return renderSheet(c, {
    sheet,
    now: at,
    ...sent,
    fit,
    errors,
    notice: { tone: 'error', text: t('inspection.refused.summary') },
  })
})

// ---------------------------------------------------------------------------------------------
// Merchant: the after-sales desk

async function renderDesk(
  c: Ctx,
  state: { notice?: NoticeData; focus?: { returnId: string; state: DeskItemState } } = {},
) {
  const { db, now } = c.var.deps
  const at = now()
  const items = await afterSalesDesk(db, c.var.actor, at)
  return c.render(<DeskPage items={items} now={at} notice={state.notice} focus={state.focus} />, {
    title: c.var.t('inspection.desk.title'),
    head: scripts('countdown'),
  })
}

/** The outcome of a decision, in words: `ABCD-… resolved: refund of ¥258.00.` */
async function resolvedNotice(c: Ctx, returnId: string, code: string): Promise<NoticeData> {
  const t = c.var.t
  const resolution = await getResolution(c.var.deps.db, returnId)
  const shownCode = formatCode(code)
  if (resolution?.resolution === 'REFUND' && resolution.refundFen !== null) {
    const amount = formatFen(resolution.refundFen, c.var.locale)
    return { tone: 'ok', text: t('inspection.desk.resolve.refunded', { code: shownCode, amount }) }
  }
  const kind = resolution ? t(`inspection.resolution.${resolution.resolution}`) : ''
  return {
    tone: 'ok',
    text: t('inspection.desk.resolve.done', { code: shownCode, resolution: kind }),
  }
}

inspectionRoutes.get('/desk', async (c) => {
  const t = c.var.t
  requireRole(c.var.actor, 'MERCHANT')
  let notice: NoticeData | undefined
  const responded = await flashReturn(c, c.req.query('responded'))
  const resolved = await flashReturn(c, c.req.query('resolved'))
  const closed = await flashReturn(c, c.req.query('closed'))
  if (responded) {
    notice = {
      tone: 'ok',
      text: t('inspection.desk.respond.done', { code: formatCode(responded.code) }),
    }
  } else if (resolved) {
    notice = await resolvedNotice(c, resolved.id, resolved.code)
  } else if (closed?.status === 'CLOSED') {
    notice = {
      tone: 'ok',
      text: t('inspection.desk.close.done', { code: formatCode(closed.code) }),
    }
  }
  return renderDesk(c, { notice })
})

/** Dismisses the home page's breach notice; the notices stay on record. */
inspectionRoutes.post('/desk/breaches/dismiss', async (c) => {
  await dismissBreachNotices(c.var.deps.db, c.var.actor, c.var.deps.now())
  return c.redirect('/', 303)
})

/**
 * The answer to an action on one desk item. With htmx: the item again (or, when nothing is left
 * to do, its outcome), with the status. Without: back to the desk, or the desk with the item's
 * form refused in place.
 */
async function answerDeskAction(
  c: Ctx,
  returnId: string,
  outcome: { notice?: NoticeData; status?: number; state?: DeskItemState; flash?: string },
) {
  const { db, now } = c.var.deps
  const at = now()
  const status = outcome.status ?? 200
  if (!isHtmx(c)) {
    if (status === 200 && outcome.flash) {
      return c.redirect(`/desk?${outcome.flash}=${encodeURIComponent(returnId)}`, 303)
    }
    c.status(status as 400)
    return renderDesk(c, {
      focus: { returnId, state: outcome.state ?? {} },
      notice: outcome.notice,
    })
  }
  const item = await getDeskItem(db, c.var.actor, returnId, at)
  c.status(status as 400)
  if (!item) {
    const r = await getReturn(db, c.var.actor, returnId)
    return fragment(c, <DeskItemDone r={r} notice={outcome.notice} />)
  }
  return fragment(
    c,
    <DeskItemView item={item} now={at} notice={outcome.notice} state={outcome.state} />,
  )
}

/** A return that moved on while the desk was open: say where it is now. */
async function conflictNotice(c: Ctx, returnId: string): Promise<NoticeData> {
  const r = await getReturn(c.var.deps.db, c.var.actor, returnId)
  const t = c.var.t
  return {
    tone: 'error',
    text: t('inspection.desk.conflict', { status: t(`returns.status.${r.status}`) }),
  }
}

inspectionRoutes.post('/desk/:id/respond', async (c) => {
  const { db, now } = c.var.deps
  const t = c.var.t
  const actor = requireRole(c.var.actor, 'MERCHANT')
  const id = c.req.param('id')
  const r = await getReturn(db, actor, id)
  const form = await c.req.parseBody()
  const message = text(form.message)
  const parsed = respondSchema.safeParse({ id: r.id, message })
  if (!parsed.success) {
    const error = message.trim()
      ? t('inspection.desk.respond.tooLong')
      : t('inspection.desk.respond.empty')
    return answerDeskAction(c, r.id, {
      status: 400,
      notice: { tone: 'error', text: error },
      state: { message, messageError: error },
    })
  }
  try {
    await respondToReturn(db, actor, r.id, parsed.data.message, now())
  } catch (error) {
    if (!(error instanceof Conflict)) throw error
    return answerDeskAction(c, r.id, { status: 409, notice: await conflictNotice(c, r.id) })
  }
  return answerDeskAction(c, r.id, {
    flash: 'responded',
    notice: { tone: 'ok', text: t('inspection.desk.respond.done', { code: formatCode(r.code) }) },
  })
})

inspectionRoutes.post('/desk/:id/resolve', async (c) => {
  const { db, now } = c.var.deps
  const t = c.var.t
  const actor = requireRole(c.var.actor, 'MERCHANT')
  const id = c.req.param('id')
  const r = await getReturn(db, actor, id)
  const form = await c.req.parseBody()
  const resolution = text(form.resolution)
  const refundYuan = text(form.refundYuan)
  const refuse = (reason: string, status = 400) =>
    answerDeskAction(c, r.id, {
      status,
      notice: { tone: 'error', text: t('inspection.desk.resolve.refused', { reason }) },
      state: { refundYuan, resolveError: reason },
    })

  // The amount field sits beside the refund button; any other decision ignores it.
  let refundFen: number | undefined
  if (resolution === 'REFUND') {
    const fen = yuanToFen(refundYuan)
    if (fen === null) return refuse(t('inspection.desk.resolve.badAmount'))
    refundFen = fen
  }
  const parsed = resolveSchema.safeParse({ returnId: r.id, resolution, refundFen })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    if (issue?.path[0] !== 'refundFen') return refuse(t('inspection.desk.resolve.choose'))
    if (issue.code === 'too_small') return refuse(t('inspection.desk.resolve.positive'))
    return refuse(
      t('inspection.desk.resolve.tooMuch', { value: formatFen(r.orderValueFen, c.var.locale) }),
    )
  }
  try {
    // Irreversible, so a page shows the decision again before it is recorded.
    if (needsConfirmation(form)) {
      await checkResolution(db, actor, parsed.data)
      const { resolution: kind, refundFen: fen } = parsed.data
      return answerDeskAction(c, r.id, { state: { confirm: { resolution: kind, refundFen: fen } } })
    }
    await resolveReturn(db, actor, parsed.data, now())
  } catch (error) {
    if (error instanceof Conflict) {
      return answerDeskAction(c, r.id, { status: 409, notice: await conflictNotice(c, r.id) })
    }
    if (!(error instanceof InvalidInput)) throw error
    if (error.field === 'refundFen' && parsed.data.refundFen! < 1) {
      return refuse(t('inspection.desk.resolve.positive'))
    }
    if (error.field === 'refundFen') {
      return refuse(
        t('inspection.desk.resolve.tooMuch', { value: formatFen(r.orderValueFen, c.var.locale) }),
      )
    }
    const item = await getDeskItem(db, actor, r.id, now())
    const grade = item?.grade
    return refuse(
      grade
        ? forbiddenReason(t, grade, parsed.data.resolution, item.allowedResolutions)
        : t('inspection.desk.resolve.choose'),
    )
  }
  return answerDeskAction(c, r.id, {
    flash: 'resolved',
    notice: await resolvedNotice(c, r.id, r.code),
  })
})

inspectionRoutes.post('/desk/:id/close', async (c) => {
  const { db, now } = c.var.deps
  const t = c.var.t
  const actor = requireRole(c.var.actor, 'MERCHANT')
  const r = await getReturn(db, actor, c.req.param('id'))
  try {
    await closeReturn(db, actor, r.id, now())
  } catch (error) {
    if (!(error instanceof Conflict)) throw error
    return answerDeskAction(c, r.id, { status: 409, notice: await conflictNotice(c, r.id) })
  }
  return answerDeskAction(c, r.id, {
    flash: 'closed',
    notice: { tone: 'ok', text: t('inspection.desk.close.done', { code: formatCode(r.code) }) },
  })
})

// ---------------------------------------------------------------------------------------------
// Merchant and coordinator: the month's service levels

inspectionRoutes.get('/service-levels', async (c) => {
  const { db, now } = c.var.deps
  const at = now()
  const value = c.req.query('month')
  const parsed = isoMonth.safeParse(value ?? localDate(at).slice(0, 7))
  if (!parsed.success) throw new InvalidInput('month', 'use a month as YYYY-MM')
  const levels = await serviceLevels(db, c.var.actor, parsed.data, undefined, at)
  const [merchants, hubs] = await Promise.all([
    listMerchants(db, c.var.actor),
    listHubs(db, c.var.actor),
  ])
  const locale = c.var.locale
  const merchantNames = new Map(merchants.map((m) => [m.id, localizedName(m, locale)] as const))
  const hubNames = new Map(hubs.map((h) => [h.id, localizedName(h, locale)] as const))
  const own = c.var.actor?.merchantId
  return c.render(
    <ServiceLevelsPage
      levels={levels}
      merchantNames={merchantNames}
      hubNames={hubNames}
      ownName={own ? merchantNames.get(own) : undefined}
    />,
    { title: c.var.t('inspection.sl.title') },
  )
})

// ---------------------------------------------------------------------------------------------
// Merchant: after-sales staff and their certification

async function renderStaff(
  c: Ctx,
  state: { notice?: NoticeData; form?: { name: string; certified: boolean; error?: string } } = {},
) {
  const staff = await listStaff(c.var.deps.db, requireRole(c.var.actor, 'MERCHANT'))
  return c.render(<StaffPage staff={staff} notice={state.notice} form={state.form} />, {
    title: c.var.t('inspection.staff.title'),
  })
}

inspectionRoutes.get('/staff', async (c) => {
  const t = c.var.t
  const actor = requireRole(c.var.actor, 'MERCHANT')
  const staff = await listStaff(c.var.deps.db, actor)
  const added = staff.find((s) => s.id === c.req.query('added'))
  const changed = staff.find((s) => s.id === c.req.query('changed'))
  let notice: NoticeData | undefined
  if (added) notice = { tone: 'ok', text: t('inspection.staff.added', { name: added.name }) }
  else if (changed) notice = certificationNotice(c, changed)
  return renderStaff(c, { notice })
})

function certificationNotice(c: Ctx, s: { name: string; certified: boolean }): NoticeData {
  const key = s.certified ? 'inspection.staff.nowCertified' : 'inspection.staff.noLongerCertified'
  return { tone: 'ok', text: c.var.t(key, { name: s.name }) }
}

inspectionRoutes.post('/staff', async (c) => {
  const { db, now } = c.var.deps
  const t = c.var.t
  const actor = requireRole(c.var.actor, 'MERCHANT')
  const form = await c.req.parseBody()
  const sent = {
    name: text(form.name),
    certified: ['on', 'true', '1'].includes(text(form.certified)),
  }
  const parsed = staffSchema.safeParse(sent)
  if (!parsed.success) {
    const error = sent.name.trim()
      ? t('inspection.staff.nameTooLong')
      : t('inspection.staff.nameMissing')
    c.status(400)
    return renderStaff(c, {
      notice: { tone: 'error', text: error },
      form: { ...sent, error },
    })
  }
  const added = await addStaff(db, actor, parsed.data, now())
  return c.redirect(`/staff?added=${encodeURIComponent(added.id)}`, 303)
})

inspectionRoutes.post('/staff/:id/certification', async (c) => {
  const { db, now } = c.var.deps
  const actor = requireRole(c.var.actor, 'MERCHANT')
  const form = await c.req.parseBody()
  const parsed = certificationSchema.safeParse({
    staffId: c.req.param('id'),
    certified: text(form.certified) === 'true',
  })
  if (!parsed.success) throw new InvalidInput('certified', 'true or false')
  const updated = await setStaffCertification(
    db,
    actor,
    parsed.data.staffId,
    parsed.data.certified,
    now(),
  )
  if (!isHtmx(c)) return c.redirect(`/staff?changed=${encodeURIComponent(updated.id)}`, 303)
  const staff = await listStaff(db, actor)
  return fragment(
    c,
    <>
      <StaffRow staff={updated} notice={certificationNotice(c, updated)} />
      <CertifiedShare staff={staff} oob />
    </>,
  )
})
