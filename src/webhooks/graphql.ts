import type { Resolvers } from '../graphql/resolvers.generated'
import { withoutNulls } from '../parse-input'
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  redeliverWebhook,
  sendTestWebhook,
  updateWebhookEndpoint,
} from './service'

export const resolvers: Resolvers = {
  Query: {
    webhookEndpoints: (_, __, ctx) => listWebhookEndpoints(ctx.deps.db, ctx.actor),
    webhookDeliveries: (_, args, ctx) =>
      listWebhookDeliveries(ctx.deps.db, ctx.actor, args.endpointId, withoutNulls(args)),
  },
  Mutation: {
    createWebhookEndpoint: (_, args, ctx) =>
      createWebhookEndpoint(ctx.deps.db, ctx.actor, withoutNulls(args.input), ctx.deps.now(), {
        allowPrivate: ctx.deps.config.webhookAllowPrivate,
      }),
    updateWebhookEndpoint: (_, args, ctx) =>
      updateWebhookEndpoint(
        ctx.deps.db,
        ctx.actor,
        args.id,
        withoutNulls(args.input),
        ctx.deps.now(),
        { allowPrivate: ctx.deps.config.webhookAllowPrivate },
      ),
    deleteWebhookEndpoint: (_, args, ctx) => deleteWebhookEndpoint(ctx.deps.db, ctx.actor, args.id),
    redeliverWebhook: (_, args, ctx) =>
      redeliverWebhook(ctx.deps.db, ctx.actor, args.deliveryId, ctx.deps.now()),
    sendTestWebhook: (_, args, ctx) =>
      sendTestWebhook(ctx.deps.db, ctx.actor, args.endpointId, ctx.deps.now()),
  },
}
