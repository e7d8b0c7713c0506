import { CsrfField } from '../components/csrf-field'
import { Notice, type NoticeData } from '../components/notice'
import { usePage } from '../context'
import type { NotificationPage } from '../../src/notifications/service'
import { NotificationItem } from './item'

interface Props {
  page: NotificationPage
  unreadOnly: boolean
  notice?: NoticeData
}

/** The notification centre: newest first, a page at a time, with mark-all and preferences. */
export function NotificationsPage({ page, unreadOnly, notice }: Props) {
  const { t } = usePage()
  const olderHref = page.endCursor
    ? `/notifications?${new URLSearchParams({
        ...(unreadOnly ? { unread: '1' } : {}),
        after: page.endCursor,
      })}`
    : null
  return (
    <section class="card notifications" id="notifications">
      <h1>{t('notifications.title')}</h1>
      <p class="lead">{t('notifications.lead')}</p>
      {notice ? <Notice tone={notice.tone} text={notice.text} /> : null}
      <p class="toolbar">
        {unreadOnly ? (
          <a href="/notifications">{t('notifications.all')}</a>
        ) : (
          <a href="/notifications?unread=1">{t('notifications.unreadOnly')}</a>
        )}{' '}
        · <a href="/notifications/preferences">{t('notifications.preferences')}</a>
      </p>
      <form method="post" action="/notifications/read-all" class="inline-form">
        <CsrfField />
        <button type="submit" class="button">
          {t('notifications.markAllRead')}
        </button>
      </form>
      {page.nodes.length === 0 ? (
        <p>{t(unreadOnly ? 'notifications.emptyUnread' : 'notifications.empty')}</p>
      ) : (
        <ul class="notification-list" id="notification-list">
          {page.nodes.map((n) => (
            <NotificationItem n={n} />
          ))}
        </ul>
      )}
      {olderHref ? (
        <p class="pager">
          <a href={olderHref}>{t('notifications.older')}</a>
        </p>
      ) : null}
    </section>
  )
}
