import type { Resolvers } from '../graphql/resolvers.generated'
import { translator } from '../i18n'
import { withoutNulls } from '../parse-input'
import {
  listNotifications,
  markNotificationsRead,
  notificationPreferencesOf,
  setNotificationPreference,
  unreadCount,
} from './service'
import { requireActor } from '../auth/roles'
import { notificationHref, notificationText } from './words'

export const resolvers: Resolvers = {
  Query: {
    notifications: async (_, args, ctx) => {
      const a = requireActor(ctx.actor)
      const page = await listNotifications(ctx.deps.db, a, withoutNulls(args))
      return {
        nodes: page.nodes,
        pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage },
        unreadCount: await unreadCount(ctx.deps.db, a.userId),
      }
    },
    notificationPreferences: (_, __, ctx) => notificationPreferencesOf(ctx.deps.db, ctx.actor),
  },
  Mutation: {
    markNotificationsRead: (_, args, ctx) =>
      markNotificationsRead(ctx.deps.db, ctx.actor, withoutNulls(args), ctx.deps.now()),
    setNotificationPreference: (_, args, ctx) =>
      setNotificationPreference(ctx.deps.db, ctx.actor, args),
  },
  Notification: {
    text: (n, _, ctx) => {
      const locale = ctx.actor?.locale ?? 'zh-CN'
      return notificationText(n, translator(locale), locale)
    },
    url: (n, _, ctx) => notificationHref(n, requireActor(ctx.actor).role),
    data: (n) => JSON.stringify(n.data),
  },
}
