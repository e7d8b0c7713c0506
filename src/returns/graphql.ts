import { isoMonth } from '../calendar/schemas'
import type { GraphQLContext } from '../graphql/context'
import type { Resolvers } from '../graphql/resolvers.generated'
import { lookupReturn } from '../inspection/customer-view'
import { parseInput, withoutNulls } from '../parse-input'
import { stationCommissions } from '../stations/service'
import { checkInParcel } from './check-in'
import { closePickupRun, createPickupRun, receiveParcel, runParcels } from './pickup-runs'
import {
  checkInSchema,
  codeSchema,
  pageSchema,
  receiveSchema,
  regionSchema,
  registerReturnSchema,
  transferRunSchema,
} from './schemas'
import { suggestedHub } from './hub-choice'
import { returnFiltersSchema, searchReturns } from './search'
import { cancelReturn, getReturn, registerReturn } from './service'
import { createTransferRun } from './transfer-runs'

const baseUrl = (ctx: GraphQLContext) =>
  ctx.deps.config.publicUrl ?? new URL(ctx.request.url).origin

export const resolvers: Resolvers = {
  Query: {
    suggestedHub: (_, args, ctx) =>
      suggestedHub(ctx.deps.db, ctx.actor, parseInput(regionSchema, args.region)),
    returns: async (_, args, ctx) => {
      const { first, after, ...rest } = args
      const page = parseInput(pageSchema, { first: first ?? undefined, after: after ?? undefined })
      const filters = parseInput(returnFiltersSchema, rest)
      const result = await searchReturns(
        ctx.deps.db,
        ctx.actor,
        { ...page, filters },
        ctx.deps.now(),
        ctx.deps.config.contactKey,
      )
      return { nodes: result.nodes, pageInfo: result }
    },
    return: (_, args, ctx) => getReturn(ctx.deps.db, ctx.actor, args.id),
    returnByCode: (_, args, ctx) => {
      const { code } = parseInput(codeSchema, args)
      return lookupReturn(ctx.deps.db, code, ctx.ip, ctx.deps.now())
    },
    pickupRun: async (_, args, ctx) => (await ctx.loaders.reconciliation.load(args.id)).run,
    stationCommissions: async (_, args, ctx) =>
      stationCommissions(ctx.deps.db, ctx.actor, args.stationId, parseInput(isoMonth, args.month)),
  },
  Mutation: {
    registerReturn: (_, args, ctx) =>
      registerReturn(
        ctx.deps.db,
        ctx.actor,
        parseInput(registerReturnSchema, args.input),
        ctx.deps.now(),
        ctx.deps.config.contactKey,
      ),
    cancelReturn: (_, args, ctx) => cancelReturn(ctx.deps.db, ctx.actor, args.id, ctx.deps.now()),
    checkInParcel: (_, args, ctx) => {
      const input = parseInput(checkInSchema, withoutNulls(args))
      return checkInParcel(ctx.deps.db, ctx.actor, input.code, ctx.deps.now(), input)
    },
    createPickupRun: (_, args, ctx) =>
      createPickupRun(
        ctx.deps.db,
        ctx.actor,
        { stationId: args.stationId, hubId: args.hubId ?? undefined },
        ctx.deps.now(),
      ),
    receiveParcel: (_, args, ctx) =>
      receiveParcel(
        ctx.deps.db,
        ctx.actor,
        {
          runId: args.runId,
          ...parseInput(
            receiveSchema,
            withoutNulls({ code: args.code, quarantine: args.quarantine }),
          ),
        },
        ctx.deps.now(),
      ),
    createTransferRun: (_, args, ctx) =>
      createTransferRun(
        ctx.deps.db,
        ctx.actor,
        parseInput(transferRunSchema, args),
        ctx.deps.now(),
      ),
    closePickupRun: async (_, args, ctx) => {
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
    hub: (r, _, ctx) => ctx.loaders.hub.load(r.hubId),
    station: (r, _, ctx) => (r.stationId ? ctx.loaders.station.load(r.stationId) : null),
    timeline: (r, _, ctx) => ctx.loaders.timeline.load(r.id),
    labelUrl: (r, _, ctx) => `${baseUrl(ctx)}/returns/${r.id}/label`,
  },
  PublicReturn: {
    // The public timeline leaves transfers between hubs out: its entries name none.
    timeline: async (r, _, ctx) =>
      (await ctx.loaders.trackDetails.load(r.id)).timeline.map((e) => ({
        ...e,
        transferFromHubId: null,
        transferToHubId: null,
      })),
  },
  PickupRun: {
    station: (r, _, ctx) => ctx.loaders.station.load(r.stationId),
    hub: (r, _, ctx) => ctx.loaders.hub.load(r.hubId),
    fromHub: (r, _, ctx) => (r.fromHubId ? ctx.loaders.hub.load(r.fromHubId) : null),
    parcels: (r, _, ctx) => runParcels(ctx.deps.db, ctx.actor, r.id),
    missing: async (r, _, ctx) => (await ctx.loaders.reconciliation.load(r.id)).missing,
    unexpected: async (r, _, ctx) => (await ctx.loaders.reconciliation.load(r.id)).unexpected,
    misrouted: async (r, _, ctx) => (await ctx.loaders.reconciliation.load(r.id)).misrouted,
    receivedCount: async (r, _, ctx) => (await ctx.loaders.reconciliation.load(r.id)).received,
  },
  Receipt: {
    transferTo: (r, _, ctx) => (r.transferToHubId ? ctx.loaders.hub.load(r.transferToHubId) : null),
  },
  TimelineEntry: {
    transferFrom: (e, _, ctx) =>
      e.transferFromHubId ? ctx.loaders.hub.load(e.transferFromHubId) : null,
    transferTo: (e, _, ctx) => (e.transferToHubId ? ctx.loaders.hub.load(e.transferToHubId) : null),
  },
  MisroutedParcel: {
    hub: (p, _, ctx) => ctx.loaders.hub.load(p.hubId),
  },
  StationCommissions: {
    station: (s, _, ctx) => ctx.loaders.station.load(s.stationId),
  },
}
