/** The notification centre's pages: the list, marking read (htmx and plain forms), preferences. */
import { Hono, type Context } from 'hono'
import { NotificationBell } from '../../views/notifications/bell'
import { NotificationItem } from '../../views/notifications/item'
import { NotificationsPage } from '../../views/notifications/list-page'
import { PreferenceRow, PreferencesPage } from '../../views/notifications/preferences-page'
import type { NoticeData } from '../../views/components/notice'
import { requireActor } from '../auth/roles'
import { form } from '../http/form'
import { accepted } from '../http/respond'
import type { AppEnv } from '../http/types'
import { notificationPreferenceInput } from './schemas'
import {
  getNotification,
  listNotifications,
  markNotificationsRead,
  notificationPreferencesOf,
  setNotificationPreference,
} from './service'

export const notificationRoutes = new Hono<AppEnv>()

type Ctx = Context<AppEnv>

const pageSize = 20

async function renderList(c: Ctx, notice?: NoticeData) {
  const unreadOnly = c.req.query('unread') === '1'
  const page = await listNotifications(c.get('deps').db, c.get('actor'), {
    unreadOnly,
    first: pageSize,
    after: c.req.query('after') || undefined,
  })
  return { page, unreadOnly, notice }
}

notificationRoutes.get('/notifications', async (c) => {
  requireActor(c.get('actor'))
  const notice: NoticeData | undefined =
    c.req.query('read') === 'all'
      ? { tone: 'ok', text: c.get('t')('notifications.markedAll') }
      : undefined
  const props = await renderList(c, notice)
  return c.render(<NotificationsPage {...props} />, { title: c.get('t')('notifications.title') })
})

notificationRoutes.post('/notifications/read-all', async (c) => {
  const { db, now } = c.get('deps')
  await markNotificationsRead(db, c.get('actor'), {}, now())
  return accepted(c, {
    redirect: '/notifications?read=all',
    fragment: async () => (
      <>
        <NotificationsPage
          {...await renderList(c, { tone: 'ok', text: c.get('t')('notifications.markedAll') })}
        />
        <NotificationBell oob />
      </>
    ),
  })
})

notificationRoutes.post('/notifications/:id/read', async (c) => {
  const { db, now } = c.get('deps')
  const id = c.req.param('id')
  await getNotification(db, c.get('actor'), id)
  await markNotificationsRead(db, c.get('actor'), { ids: [id] }, now())
  const n = await getNotification(db, c.get('actor'), id)
  return accepted(c, {
    redirect: '/notifications',
    fragment: () => (
      <>
        <NotificationItem n={n} />
        <NotificationBell oob />
      </>
    ),
  })
})

notificationRoutes.get('/notifications/preferences', async (c) => {
  const prefs = await notificationPreferencesOf(c.get('deps').db, c.get('actor'))
  const notice: NoticeData | undefined =
    c.req.query('saved') === '1'
      ? { tone: 'ok', text: c.get('t')('notifications.preferences.saved') }
      : undefined
  return c.render(<PreferencesPage prefs={prefs} notice={notice} />, {
    title: c.get('t')('notifications.preferences.title'),
  })
})

notificationRoutes.post(
  '/notifications/preferences',
  form(notificationPreferenceInput),
  async (c) => {
    const pref = await setNotificationPreference(
      c.get('deps').db,
      c.get('actor'),
      c.req.valid('form'),
    )
    return accepted(c, {
      redirect: '/notifications/preferences?saved=1',
      fragment: () => <PreferenceRow p={pref} />,
    })
  },
)
