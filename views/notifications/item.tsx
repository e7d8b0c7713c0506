import { CsrfField } from '../components/csrf-field'
import { formatInstant } from '../components/format'
import { usePage } from '../context'
import type { NotificationView } from '../../src/notifications/service'
import { notificationHref, notificationText } from '../../src/notifications/words'

/** One notification in the list; the same component answers its mark-read swap. */
export function NotificationItem({ n }: { n: NotificationView }) {
  const { t, locale, actor } = usePage()
  const unread = n.readAt === null
  const domId = `ntf-${n.id}`
  return (
    <li id={domId} class={unread ? 'notification notification--unread' : 'notification'}>
      <p class="notification__text">
        {unread ? <span class="badge badge--open">{t('notifications.unread')}</span> : null}{' '}
        <a href={notificationHref(n, actor!.role)}>{notificationText(n, t, locale)}</a>
      </p>
      <p class="muted notification__meta">
        {t(`notifications.kind.${n.kind}`)} ·{' '}
        <time datetime={n.createdAt}>{formatInstant(n.createdAt, locale)}</time>
      </p>
      {unread ? (
        <form
          class="inline-form"
          method="post"
          action={`/notifications/${encodeURIComponent(n.id)}/read`}
          hx-post={`/notifications/${encodeURIComponent(n.id)}/read`}
          hx-target={`#${domId}`}
          hx-swap="outerHTML"
        >
          <CsrfField />
          <button type="submit" class="button">
            {t('notifications.markRead')}
          </button>
        </form>
      ) : null}
    </li>
  )
}
