import { useRequestContext } from 'hono/jsx-renderer'
import type { Context } from 'hono'
import type { AppEnv } from '../../src/http/types'
import { unreadCount } from '../../src/notifications/service'

/**
 * The bell in every signed-in page's header: a link to the notification centre with the unread
 * count, read with the session (no statement of its own). `oob` makes it replace itself after a
 * mark-read swap. A page still renders (without a number) when the count cannot be read.
 */
export async function NotificationBell({ oob }: { oob?: boolean }) {
  const c = useRequestContext<AppEnv>() as Context<AppEnv>
  const actor = c.get('actor')
  if (!actor) return null
  // The session read counted them; a swap after marking read counts again.
  let unread: number | null = oob ? null : (actor.unreadNotifications ?? null)
  if (unread === null) {
    try {
      unread = await unreadCount(c.get('deps').db, actor.userId)
    } catch {
      unread = null
    }
  }
  return (
    <a
      id="notification-bell"
      class="bell"
      href="/notifications"
      aria-label={c.get('t')('notifications.bell', { count: unread ?? 0 })}
      hx-swap-oob={oob ? 'true' : undefined}
    >
      <span aria-hidden="true">🔔</span>
      {unread ? (
        <span class="bell__count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </a>
  )
}
