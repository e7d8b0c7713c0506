/** The hub's inspection queue, and opening a parcel by the code scanned or typed into it. */
import { Hono } from 'hono'
import type { Grade } from '../../../db/schema'
import type { NoticeData } from '../../../views/components/notice'
import { QueuePage } from '../../../views/inspection/queue-page'
import { requireRole } from '../../auth/roles'
import { attempt } from '../../http/respond'
import type { AppEnv } from '../../http/types'
import { listHubs } from '../../network/service'
import { formatCode, normalizeCode } from '../../returns/code'
import { flashReturn } from '../../returns/flash'
import { findParcelByCode, inspectionQueue, inspectionSheet } from '../queue'
import { scripts } from './shared'

export const queueRoutes = new Hono<AppEnv>()

/** A code that came back in an address: show it, never trust it further. */
const shown = (value: string) => value.slice(0, 40)

queueRoutes.get('/inspect', async (c) => {
  const { db, now } = c.get('deps')
  const t = c.get('t')
  const at = now()
  const items = await inspectionQueue(db, c.get('actor'), at)
  const actor = requireRole(c.get('actor'), 'HUB_OPERATOR', 'COORDINATOR')
  const typed = c.req.query('code')?.trim()
  let notice: NoticeData | undefined
  if (typed) {
    const code = normalizeCode(typed)
    if (!code) {
      c.status(400)
      notice = { tone: 'error', text: t('inspection.queue.badCode', { code: shown(typed) }) }
    } else {
      const found = await attempt(findParcelByCode(db, actor, typed), ['NOT_FOUND'])
      if (found.ok) return c.redirect(`/inspect/${encodeURIComponent(found.value.id)}`, 303)
      c.status(404)
      notice = { tone: 'error', text: t('inspection.queue.notFound', { code: formatCode(code) }) }
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
