import { isoMonth } from '../calendar/schemas'
import type { GraphQLContext } from '../graphql/context'
import { parseInput } from '../parse-input'
import type { Return } from '../returns/service'
import { dismissBreachNotices, unseenBreachCount } from './breach-notices'
import { checklists } from './checklists'
import { afterSalesDesk } from '../desk/desk'
import { inspectionQueue } from './queue'
import { inspectSchema, rateSchema, resolveSchema, respondSchema } from './schemas'
import { closeReturn, inspectReturn, rateReturn, resolveReturn, respondToReturn } from './service'
import { photoUrl } from './photos'
import { serviceLevels } from './service-levels'
import { certificationSchema, staffSchema } from '../staff/schemas'
import { addStaff, listStaff, setStaffCertification } from '../staff/staff'

export const typeDefs = /* GraphQL */ `
  enum Grade {
    RESELLABLE
    DAMAGED
    PARTS_MISSING
    NEAR_EXPIRY
    EXPIRED
    SAFETY_RISK
  }

  enum ResolutionKind {
    REFUND
    EXCHANGE
    RESTOCK
    DISPOSE
  }

  "One item of a category's inspection checklist."
  type ChecklistItem {
    key: String!
    "boolean, date or text"
    kind: String!
    required: Boolean!
  }

  input ChecklistAnswerInput {
    item: String!
    "true/false, a date YYYY-MM-DD, or text, as the item's kind says."
    value: String!
  }

  input InspectReturnInput {
    returnId: ID!
    grade: Grade!
    checklist: [ChecklistAnswerInput!]!
    notes: String
  }

  input ResolveReturnInput {
    returnId: ID!
    resolution: ResolutionKind!
    "Required for REFUND, at most the order value."
    refundFen: SafeInt
  }

  type ChecklistAnswer {
    item: String!
    value: String!
  }

  type Inspection {
    grade: Grade!
    checklist: [ChecklistAnswer!]!
    notes: String!
    at: String!
  }

  type ReturnResolution {
    resolution: ResolutionKind!
    refundFen: SafeInt
    at: String!
  }

  type ReturnResponse {
    message: String!
    at: String!
  }

  type Rating {
    stars: Int!
    comment: String!
  }

  "Service clocks, derived from the event log at the moment of asking."
  type Sla {
    firstResponseDueAt: String!
    firstRespondedAt: String
    resolutionDueAt: String
    resolvedAt: String
    cycleHours: Float!
    breached: Boolean!
    firstResponseBreached: Boolean!
    resolutionBreached: Boolean!
    cycleBreached: Boolean!
  }

  type ServiceLevelFigures {
    returns: Int!
    firstResponseCounted: Int!
    firstResponseOnTime: Int!
    firstResponseOnTimeShare: Float
    resolutionCounted: Int!
    resolutionOnTime: Int!
    resolutionOnTimeShare: Float
    resolved: Int!
    medianCycleHours: Float
    p90CycleHours: Float
    cycleWithinTargetShare: Float
    breached: Int!
  }

  type MerchantServiceLevels {
    merchant: Merchant!
    figures: ServiceLevelFigures!
  }

  type HubServiceLevels {
    hub: Hub!
    figures: ServiceLevelFigures!
  }

  type ServiceLevels {
    month: String!
    merchant: Merchant
    figures: ServiceLevelFigures!
    "Coordinators only."
    byMerchant: [MerchantServiceLevels!]
    "Coordinators only."
    byHub: [HubServiceLevels!]
  }

  type Staff {
    id: ID!
    name: String!
    certified: Boolean!
    certifiedOn: String
  }

  "What a merchant still has to do for a return on its after-sales desk."
  enum DeskAction {
    RESPOND
    RESOLVE
    CLOSE
  }

  enum DeskClock {
    FIRST_RESPONSE
    RESOLUTION
  }

  type DeskItem {
    return: Return!
    needs: [DeskAction!]!
    grade: Grade
    "The nearest deadline still running; null when only the follow-up close is left."
    dueAt: String
    dueFor: DeskClock
    overdue: Boolean!
    "The decisions the grade leaves open (empty before inspection)."
    allowedResolutions: [ResolutionKind!]!
  }

  type InspectionQueueItem {
    return: Return!
    arrivedAt: String!
    "Arrival + 24 hours: when the resolution clock runs out."
    resolutionDueAt: String!
    overdue: Boolean!
  }

  "A photo hub staff took while inspecting a return."
  type InspectionPhoto {
    id: ID!
    "image/jpeg, image/png or image/webp, sniffed from the bytes."
    contentType: String!
    bytes: Int!
    createdAt: String!
    "Where the photo is served (same-origin path, for a signed-in session that may see the return)."
    url: String!
  }

  extend type Return {
    """
    Photos taken at the hub while inspecting, oldest first: the merchant's own, its hub and
    coordinators (station operators: FORBIDDEN). Uploading is a page action, not a mutation:
    a multipart POST to /inspect/{id}/photos by the hub's operator or a coordinator.
    """
    inspectionPhotos: [InspectionPhoto!]!
    sla: Sla!
    inspection: Inspection
    resolution: ReturnResolution
    responses: [ReturnResponse!]!
    rating: Rating
  }

  extend type Query {
    "Merchant: how many of its returns breached a service deadline since it last dismissed the notices."
    unseenBreachNotices: Int!
    "The inspection checklist of a category."
    checklist(category: Category!): [ChecklistItem!]!
    "Merchant: its own only; coordinator: all, or one merchant."
    serviceLevels(month: String!, merchantId: ID): ServiceLevels!
    "Merchant: its own staff; coordinator: any merchant's."
    staff(merchantId: ID): [Staff!]!
    "Merchant: its open returns needing a first response, a decision or a close, nearest deadline first."
    afterSalesDesk: [DeskItem!]!
    "Hub operator: parcels at its hub awaiting inspection, oldest first; coordinator: one hub or all."
    inspectionQueue(hubId: ID): [InspectionQueueItem!]!
  }

  extend type Mutation {
    "Merchant: dismisses its breach notices (they stay on record)."
    dismissBreachNotices: Boolean!
    respondToReturn(id: ID!, message: String!): Return!
    inspectReturn(input: InspectReturnInput!): Return!
    resolveReturn(input: ResolveReturnInput!): Return!
    closeReturn(id: ID!): Return!
    "Public: the customer rates a resolved return once, by its code."
    rateReturn(code: String!, stars: Int!, comment: String): Rating!
    addStaff(name: String!, certified: Boolean): Staff!
    setStaffCertification(staffId: ID!, certified: Boolean!): Staff!
  }
`

type Ctx = GraphQLContext
const withoutNulls = (args: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(args).filter(([, v]) => v !== null && v !== undefined))

export const resolvers = {
  Query: {
    unseenBreachNotices: (_: unknown, __: unknown, ctx: Ctx) =>
      unseenBreachCount(ctx.deps.db, ctx.actor),
    checklist: (_: unknown, args: { category: keyof typeof checklists }) =>
      checklists[args.category].items,
    serviceLevels: async (_: unknown, args: { month: string; merchantId?: string }, ctx: Ctx) => {
      const month = parseInput(isoMonth, args.month)
      const levels = await serviceLevels(
        ctx.deps.db,
        ctx.actor,
        month,
        args.merchantId ?? undefined,
        ctx.deps.now(),
      )
      return {
        month,
        merchantId: levels.merchantId,
        figures: levels,
        byMerchant: levels.byMerchant?.map((f) => ({ merchantId: f.merchantId, figures: f })),
        byHub: levels.byHub?.map((f) => ({ hubId: f.hubId, figures: f })),
      }
    },
    staff: (_: unknown, args: { merchantId?: string }, ctx: Ctx) =>
      listStaff(ctx.deps.db, ctx.actor, args.merchantId ?? undefined),
    afterSalesDesk: (_: unknown, __: unknown, ctx: Ctx) =>
      afterSalesDesk(ctx.deps.db, ctx.actor, ctx.deps.now()),
    inspectionQueue: (_: unknown, args: { hubId?: string | null }, ctx: Ctx) =>
      inspectionQueue(ctx.deps.db, ctx.actor, ctx.deps.now(), args.hubId ?? undefined),
  },
  Mutation: {
    dismissBreachNotices: async (_: unknown, __: unknown, ctx: Ctx) => {
      await dismissBreachNotices(ctx.deps.db, ctx.actor, ctx.deps.now())
      return true
    },
    respondToReturn: (_: unknown, args: unknown, ctx: Ctx) => {
      const { id, message } = parseInput(respondSchema, args)
      return respondToReturn(ctx.deps.db, ctx.actor, id, message, ctx.deps.now())
    },
    inspectReturn: (_: unknown, args: { input: Record<string, unknown> }, ctx: Ctx) =>
      inspectReturn(
        ctx.deps.db,
        ctx.actor,
        parseInput(inspectSchema, withoutNulls(args.input)),
        ctx.deps.now(),
      ),
    resolveReturn: (_: unknown, args: { input: Record<string, unknown> }, ctx: Ctx) =>
      resolveReturn(
        ctx.deps.db,
        ctx.actor,
        parseInput(resolveSchema, withoutNulls(args.input)),
        ctx.deps.now(),
      ),
    closeReturn: (_: unknown, args: { id: string }, ctx: Ctx) =>
      closeReturn(ctx.deps.db, ctx.actor, args.id, ctx.deps.now()),
    rateReturn: (_: unknown, args: Record<string, unknown>, ctx: Ctx) =>
      rateReturn(
        ctx.deps.db,
        parseInput(rateSchema, withoutNulls(args)),
        ctx.ip,
        ctx.deps.now(),
        ctx.requestId,
      ),
    addStaff: (_: unknown, args: Record<string, unknown>, ctx: Ctx) =>
      addStaff(ctx.deps.db, ctx.actor, parseInput(staffSchema, withoutNulls(args)), ctx.deps.now()),
    setStaffCertification: (_: unknown, args: unknown, ctx: Ctx) => {
      const { staffId, certified } = parseInput(certificationSchema, args)
      return setStaffCertification(ctx.deps.db, ctx.actor, staffId, certified, ctx.deps.now())
    },
  },
  Return: {
    sla: (r: Return, _: unknown, ctx: Ctx) => ctx.loaders.sla.load(r.id),
    inspection: async (r: Return, _: unknown, ctx: Ctx) => {
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
    resolution: (r: Return, _: unknown, ctx: Ctx) => ctx.loaders.resolution.load(r.id),
    responses: (r: Return, _: unknown, ctx: Ctx) => ctx.loaders.responses.load(r.id),
    inspectionPhotos: async (r: Return, _: unknown, ctx: Ctx) => {
      const photos = await ctx.loaders.photos.load(r.id)
      return photos.map((p) => ({ ...p, url: photoUrl(p) }))
    },
    rating: (r: Return, _: unknown, ctx: Ctx) => ctx.loaders.rating.load(r.id),
  },
  ServiceLevels: {
    merchant: (s: { merchantId: string | null }, _: unknown, ctx: Ctx) =>
      s.merchantId ? ctx.loaders.merchant.load(s.merchantId) : null,
  },
  MerchantServiceLevels: {
    merchant: (s: { merchantId: string }, _: unknown, ctx: Ctx) =>
      ctx.loaders.merchant.load(s.merchantId),
  },
  HubServiceLevels: {
    hub: (s: { hubId: string }, _: unknown, ctx: Ctx) => ctx.loaders.hub.load(s.hubId),
  },
}
