import { isoMonth } from '../calendar/schemas'
import type { GraphQLContext } from '../graphql/context'
import { parseInput } from '../parse-input'
import { stationCommissions } from '../stations/service'
import { checkInParcel } from './check-in'
import {
  closePickupRun,
  createPickupRun,
  receiveParcel,
  runParcels,
  type MisroutedParcel,
  type PickupRun,
} from './pickup-runs'
import { codeSchema, pageSchema, registerReturnSchema } from './schemas'
import {
  cancelReturn,
  getReturn,
  listReturns,
  registerReturn,
  returnByCode,
  type Return,
} from './service'

export const typeDefs = /* GraphQL */ `
  enum ReturnStatus {
    REGISTERED
    AT_STATION
    IN_TRANSIT
    AT_HUB
    INSPECTED
    RESOLVED
    CLOSED
    CANCELLED
  }

  input RegisterReturnInput {
    orderRef: String!
    category: Category!
    itemDescription: String!
    "Order value in fen (integer)."
    orderValueFen: SafeInt!
    "Prams, cots and other large items."
    largeItem: Boolean
    reason: String!
    "Destination hub."
    hubId: ID!
    "Phone or email of the customer; stored encrypted, never shown to other members."
    customerContact: String
  }

  type TimelineEntry {
    status: ReturnStatus!
    "UTC instant, ISO-8601."
    at: String!
  }

  "One customer return."
  type Return {
    id: ID!
    "What the customer types or the station scans (12 Crockford base32 characters)."
    code: String!
    status: ReturnStatus!
    category: Category!
    orderRef: String!
    itemDescription: String!
    orderValueFen: SafeInt!
    largeItem: Boolean!
    reason: String!
    hub: Hub!
    "The drop-off station, once checked in."
    station: Station
    timeline: [TimelineEntry!]!
    "Printable label with a QR code of the tracking page."
    labelUrl: String!
    createdAt: String!
  }

  type ReturnConnection {
    nodes: [Return!]!
    pageInfo: PageInfo!
  }

  type PageInfo {
    endCursor: String
    hasNextPage: Boolean!
  }

  "What anyone holding the code may see: nothing about the customer, order value or merchant."
  type PublicReturn {
    code: String!
    category: Category!
    status: ReturnStatus!
    stationName: String
    timeline: [TimelineEntry!]!
    "The next step in the normal flow; null when the return is finished."
    nextStatus: ReturnStatus
  }

  type CheckIn {
    return: Return!
    "True when the parcel was already checked in here; nothing changed."
    alreadyCheckedIn: Boolean!
    "The commission this parcel earned the station, in fen."
    commissionFen: SafeInt!
  }

  type PickupRun {
    id: ID!
    station: Station!
    hub: Hub!
    status: String!
    createdAt: String!
    closedAt: String
    "Parcels taken on the run."
    parcels: [Return!]!
    "On the run but not received at the hub."
    missing: [Return!]!
    "Received against this run without being on it."
    unexpected: [Return!]!
    "Scanned at this run's hub though bound for another: refused there, to be sent on."
    misrouted: [MisroutedParcel!]!
    receivedCount: Int!
  }

  "A parcel scanned at a hub it is not bound for: only what its label says."
  type MisroutedParcel {
    code: String!
    category: Category!
    "The hub it is bound for."
    hub: Hub!
    "Where it is in the flow now (AT_HUB once its own hub received it)."
    status: ReturnStatus!
    "UTC instant of the refused scan, ISO-8601."
    scannedAt: String!
  }

  type Receipt {
    return: Return!
    alreadyReceived: Boolean!
    "False when the parcel was not on this run."
    expected: Boolean!
  }

  type CommissionLine {
    code: String!
    amountFen: SafeInt!
    largeItem: Boolean!
    at: String!
  }

  type StationCommissions {
    station: Station!
    month: String!
    parcels: Int!
    totalFen: SafeInt!
    lines: [CommissionLine!]!
  }

  extend type Query {
    "Merchant: its own; hub operator: bound for its hub; station operator: handed in there; coordinator: all."
    returns(status: ReturnStatus, first: Int, after: String): ReturnConnection!
    return(id: ID!): Return
    "Public (no sign-in), rate limited per IP. Unknown code: null."
    returnByCode(code: String!): PublicReturn
    pickupRun(id: ID!): PickupRun
    stationCommissions(stationId: ID!, month: String!): StationCommissions!
  }

  extend type Mutation {
    registerReturn(input: RegisterReturnInput!): Return!
    "Before drop-off only."
    cancelReturn(id: ID!): Return!
    checkInParcel(code: String!): CheckIn!
    "Coordinators may name the hub; hub operators' runs go to their own hub."
    createPickupRun(stationId: ID!, hubId: ID): PickupRun!
    "A parcel bound for another hub is refused: CONFLICT with reason WRONG_HUB and its hubId."
    receiveParcel(runId: ID!, code: String!): Receipt!
    closePickupRun(runId: ID!): PickupRun!
  }
`

type Ctx = GraphQLContext

/** The tracking page a label's QR code points to. */
export function trackingUrl(base: string, code: string): string {
  return `${base}/track?code=${encodeURIComponent(code)}`
}

const baseUrl = (ctx: Ctx) => ctx.deps.config.publicUrl ?? new URL(ctx.request.url).origin

export const resolvers = {
  Query: {
    returns: async (_: unknown, args: Record<string, unknown>, ctx: Ctx) => {
      const page = parseInput(pageSchema, {
        first: args.first ?? undefined,
        after: args.after ?? undefined,
      })
      const result = await listReturns(ctx.deps.db, ctx.actor, {
        ...page,
        status: (args.status as Return['status'] | null) ?? undefined,
      })
      return { nodes: result.nodes, pageInfo: result }
    },
    return: (_: unknown, args: { id: string }, ctx: Ctx) =>
      getReturn(ctx.deps.db, ctx.actor, args.id),
    returnByCode: (_: unknown, args: unknown, ctx: Ctx) => {
      const { code } = parseInput(codeSchema, args)
      return returnByCode(ctx.deps.db, code, ctx.ip, ctx.deps.now())
    },
    pickupRun: async (_: unknown, args: { id: string }, ctx: Ctx) =>
      (await ctx.loaders.reconciliation.load(args.id)).run,
    stationCommissions: async (_: unknown, args: { stationId: string; month: string }, ctx: Ctx) =>
      stationCommissions(ctx.deps.db, ctx.actor, args.stationId, parseInput(isoMonth, args.month)),
  },
  Mutation: {
    registerReturn: (_: unknown, args: { input: unknown }, ctx: Ctx) =>
      registerReturn(
        ctx.deps.db,
        ctx.actor,
        parseInput(registerReturnSchema, args.input),
        ctx.deps.now(),
        ctx.deps.config.contactKey,
      ),
    cancelReturn: (_: unknown, args: { id: string }, ctx: Ctx) =>
      cancelReturn(ctx.deps.db, ctx.actor, args.id, ctx.deps.now()),
    checkInParcel: (_: unknown, args: unknown, ctx: Ctx) =>
      checkInParcel(ctx.deps.db, ctx.actor, parseInput(codeSchema, args).code, ctx.deps.now()),
    createPickupRun: (_: unknown, args: { stationId: string; hubId?: string }, ctx: Ctx) =>
      createPickupRun(
        ctx.deps.db,
        ctx.actor,
        { stationId: args.stationId, hubId: args.hubId ?? undefined },
        ctx.deps.now(),
      ),
    receiveParcel: (_: unknown, args: { runId: string; code: string }, ctx: Ctx) =>
      receiveParcel(ctx.deps.db, ctx.actor, args, ctx.deps.now()),
    closePickupRun: async (_: unknown, args: { runId: string }, ctx: Ctx) => {
      const reconciliation = await closePickupRun(
        ctx.deps.db,
        ctx.actor,
        args.runId,
        ctx.deps.now(),
      )
      ctx.loaders.reconciliation.prime(reconciliation.run.id, reconciliation)
      return reconciliation.run
    },
  },
  Return: {
    hub: (r: Return, _: unknown, ctx: Ctx) => ctx.loaders.hub.load(r.hubId),
    station: (r: Return, _: unknown, ctx: Ctx) =>
      r.stationId ? ctx.loaders.station.load(r.stationId) : null,
    timeline: (r: Return, _: unknown, ctx: Ctx) => ctx.loaders.timeline.load(r.id),
    labelUrl: (r: Return, _: unknown, ctx: Ctx) => `${baseUrl(ctx)}/returns/${r.id}/label`,
  },
  PickupRun: {
    station: (r: PickupRun, _: unknown, ctx: Ctx) => ctx.loaders.station.load(r.stationId),
    hub: (r: PickupRun, _: unknown, ctx: Ctx) => ctx.loaders.hub.load(r.hubId),
    parcels: (r: PickupRun, _: unknown, ctx: Ctx) => runParcels(ctx.deps.db, ctx.actor, r.id),
    missing: async (r: PickupRun, _: unknown, ctx: Ctx) =>
      (await ctx.loaders.reconciliation.load(r.id)).missing,
    unexpected: async (r: PickupRun, _: unknown, ctx: Ctx) =>
      (await ctx.loaders.reconciliation.load(r.id)).unexpected,
    misrouted: async (r: PickupRun, _: unknown, ctx: Ctx) =>
      (await ctx.loaders.reconciliation.load(r.id)).misrouted,
    receivedCount: async (r: PickupRun, _: unknown, ctx: Ctx) =>
      (await ctx.loaders.reconciliation.load(r.id)).received,
  },
  MisroutedParcel: {
    hub: (p: MisroutedParcel, _: unknown, ctx: Ctx) => ctx.loaders.hub.load(p.hubId),
  },
  StationCommissions: {
    station: (s: { stationId: string }, _: unknown, ctx: Ctx) =>
      ctx.loaders.station.load(s.stationId),
  },
}
