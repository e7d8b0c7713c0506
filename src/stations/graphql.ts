import type { Resolvers } from '../graphql/resolvers.generated'
import { parseInput, withoutNulls } from '../parse-input'
import { publicStationsInArea } from './area'
import { navigationLinks } from './navigation'
import { openState } from './opening-hours'
import {
  areaSchema,
  nearestSchema,
  searchSchema,
  stationDetailsSchema,
  stationSchema,
} from './schemas'
import { receiptPath } from './receipt'
import { searchStations } from './search'
import {
  createStation,
  nearestStations,
  setStationActive,
  updateStation,
  updateStationDetails,
} from './service'

export const resolvers: Resolvers = {
  Query: {
    nearestStations: (_, args, ctx) => {
      const { lat, lng, limit } = parseInput(nearestSchema, args)
      return nearestStations(ctx.deps.db, { lat, lng }, limit)
    },
    stationsInArea: (_, args, ctx) =>
      publicStationsInArea(ctx.deps.db, parseInput(areaSchema, args), ctx.ip, ctx.deps.now()),
    searchStations: (_, args, ctx) => {
      const a = parseInput(searchSchema, args)
      const point = a.lat != null && a.lng != null ? { lat: a.lat, lng: a.lng } : undefined
      const search = {
        query: a.query ?? undefined,
        point,
        openNow: a.openNow ?? false,
        services: a.services ?? [],
        first: a.first,
      }
      return searchStations(ctx.deps.db, search, ctx.ip, ctx.deps.now())
    },
  },
  CheckIn: {
    hub: (c, _, ctx) => ctx.loaders.hub.load(c.return.hubId),
    receiptUrl: (c, _, ctx) =>
      `${ctx.deps.config.publicUrl ?? new URL(ctx.request.url).origin}${receiptPath(c.return.code)}`,
  },
  // Public like the station itself: hours, phone and directions are what a customer needs.
  Station: {
    openNow: (s, _, ctx) => openState(s.openingHours, s.closedDays, ctx.deps.now()).openNow,
    closesAt: (s, _, ctx) => openState(s.openingHours, s.closedDays, ctx.deps.now()).closesAt,
    navigation: (s) => navigationLinks(s),
  },
  Mutation: {
    createStation: (_, args, ctx) =>
      createStation(
        ctx.deps.db,
        ctx.actor,
        parseInput(stationSchema, withoutNulls(args.input)),
        ctx.deps.now(),
      ),
    updateStation: (_, args, ctx) =>
      updateStation(
        ctx.deps.db,
        ctx.actor,
        args.id,
        parseInput(stationSchema, withoutNulls(args.input)),
        ctx.deps.now(),
      ),
    setStationActive: (_, args, ctx) =>
      setStationActive(ctx.deps.db, ctx.actor, args.id, args.active, ctx.deps.now()),
    updateStationDetails: (_, args, ctx) =>
      updateStationDetails(
        ctx.deps.db,
        ctx.actor,
        args.id,
        parseInput(stationDetailsSchema, withoutNulls(args.input)),
        ctx.deps.now(),
      ),
  },
}
