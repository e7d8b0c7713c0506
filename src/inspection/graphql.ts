import { isoMonth } from '../calendar/schemas'
import { NotFound } from '../errors'
import type { Resolvers } from '../graphql/resolvers.generated'
import { negotiateLocale, translator } from '../i18n'
import { parseInput, withoutNulls } from '../parse-input'
import { messageCustomer } from './customer-messages'
import { outcomeText } from './outcome-text'
import { dismissBreachNotices, unseenBreachCount } from './breach-notices'
import { checklists } from './checklists'
import { afterSalesDesk } from '../desk/desk'
import { inspectionQueue } from './queue'
import {
  inspectSchema,
  messageCustomerSchema,
  rateSchema,
  resolveSchema,
  respondSchema,
} from './schemas'
import { closeReturn, inspectReturn, rateReturn, resolveReturn, respondToReturn } from './service'
import { noFileSent, uploadsFromFiles } from '../uploads'
import { addInspectionPhotos, photoUrl } from './photos'
import { serviceLevels, type ServiceLevels } from './service-levels'

/** Service levels as the schema nests them: the figures apart, merchants and hubs as fields. */
const serviceLevelsOut = (month: string, levels: ServiceLevels) => ({
  month,
  merchantId: levels.merchantId,
  figures: levels,
  byMerchant: levels.byMerchant?.map((f) => ({ merchantId: f.merchantId, figures: f })),
  byHub: levels.byHub?.map((f) => ({ hubId: f.hubId, figures: f })),
})

export type ServiceLevelsOut = ReturnType<typeof serviceLevelsOut>
export type MerchantServiceLevelsOut = NonNullable<ServiceLevelsOut['byMerchant']>[number]
export type HubServiceLevelsOut = NonNullable<ServiceLevelsOut['byHub']>[number]

export const resolvers: Resolvers = {
  Query: {
    unseenBreachNotices: (_, __, ctx) => unseenBreachCount(ctx.deps.db, ctx.actor),
    checklist: (_, args) => checklists[args.category].items,
    serviceLevels: async (_, args, ctx) => {
      const month = parseInput(isoMonth, args.month)
      const levels = await serviceLevels(
        ctx.deps.db,
        ctx.actor,
        month,
        args.merchantId ?? undefined,
        ctx.deps.now(),
      )
      return serviceLevelsOut(month, levels)
    },
    afterSalesDesk: (_, __, ctx) => afterSalesDesk(ctx.deps.db, ctx.actor, ctx.deps.now()),
    inspectionQueue: (_, args, ctx) =>
      inspectionQueue(ctx.deps.db, ctx.actor, ctx.deps.now(), args.hubId ?? undefined),
  },
  Mutation: {
    messageCustomer: (_, args, ctx) =>
      messageCustomer(
        ctx.deps.db,
        ctx.actor,
        parseInput(messageCustomerSchema, args),
        ctx.deps.now(),
      ),
    dismissBreachNotices: async (_, __, ctx) => {
      await dismissBreachNotices(ctx.deps.db, ctx.actor, ctx.deps.now())
      return true
    },
    respondToReturn: (_, args, ctx) => {
      const { id, message } = parseInput(respondSchema, args)
      return respondToReturn(ctx.deps.db, ctx.actor, id, message, ctx.deps.now())
    },
    inspectReturn: (_, args, ctx) =>
      inspectReturn(
        ctx.deps.db,
        ctx.actor,
        parseInput(inspectSchema, withoutNulls(args.input)),
        ctx.deps.now(),
      ),
    resolveReturn: (_, args, ctx) =>
      resolveReturn(
        ctx.deps.db,
        ctx.actor,
        parseInput(resolveSchema, withoutNulls(args.input)),
        ctx.deps.now(),
      ),
    closeReturn: (_, args, ctx) => closeReturn(ctx.deps.db, ctx.actor, args.id, ctx.deps.now()),
    // The inspection sheet's upload, by the multipart request spec: the same function and checks.
    uploadInspectionPhotos: async (_, args, ctx) => {
      const { db, blobs, now } = ctx.deps
      if (!blobs) throw new NotFound('Photo')
      const files = await uploadsFromFiles(args.photos)
      const photos = await addInspectionPhotos(db, blobs, ctx.actor, args.returnId, files, now())
      if (photos.length === 0) throw noFileSent('photos')
      return photos.map((p) => ({ ...p, url: photoUrl(p) }))
    },
    rateReturn: (_, args, ctx) =>
      rateReturn(
        ctx.deps.db,
        parseInput(rateSchema, withoutNulls(args)),
        ctx.ip,
        ctx.deps.now(),
        ctx.requestId,
      ),
  },
  PublicReturn: {
    messages: async (r, _, ctx) => (await ctx.loaders.trackDetails.load(r.id)).messages,
    outcome: async (r, _, ctx) => (await ctx.loaders.trackDetails.load(r.id)).outcome,
    canRate: async (r, _, ctx) => (await ctx.loaders.trackDetails.load(r.id)).canRate,
  },
  ReturnOutcome: {
    // The caller's language: a signed-in user's choice, else the request's Accept-Language.
    text: (o, _, ctx) => {
      const locale = negotiateLocale(
        ctx.actor?.locale,
        undefined,
        ctx.request.headers.get('accept-language') ?? undefined,
      )
      return outcomeText({ t: translator(locale), locale }, o)
    },
  },
  Return: {
    sla: (r, _, ctx) => ctx.loaders.sla.load(r.id),
    inspection: async (r, _, ctx) => {
      const found = await ctx.loaders.inspection.load(r.id)
      if (!found) return null
      return {
        ...found,
        checklist: Object.entries(found.checklist).map(([item, value]) => ({
          item,
          value: String(value),
        })),
      }
    },
    resolution: (r, _, ctx) => ctx.loaders.resolution.load(r.id),
    responses: (r, _, ctx) => ctx.loaders.responses.load(r.id),
    inspectionPhotos: async (r, _, ctx) => {
      const photos = await ctx.loaders.photos.load(r.id)
      return photos.map((p) => ({ ...p, url: photoUrl(p) }))
    },
    rating: (r, _, ctx) => ctx.loaders.rating.load(r.id),
  },
  ServiceLevels: {
    merchant: (s, _, ctx) => (s.merchantId ? ctx.loaders.merchant.load(s.merchantId) : null),
  },
  MerchantServiceLevels: {
    merchant: (s, _, ctx) => ctx.loaders.merchant.load(s.merchantId),
  },
  HubServiceLevels: {
    hub: (s, _, ctx) => ctx.loaders.hub.load(s.hubId),
  },
}
