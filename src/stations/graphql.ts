import type { Resolvers } from '../graphql/resolvers.generated'
import { parseInput } from '../parse-input'
import { nearestSchema, stationDetailsSchema, stationSchema } from './schemas'
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
  },
  Mutation: {
    createStation: (_, args, ctx) =>
      createStation(ctx.deps.db, ctx.actor, parseInput(stationSchema, args.input), ctx.deps.now()),
    updateStation: (_, args, ctx) =>
      updateStation(
        ctx.deps.db,
        ctx.actor,
        args.id,
        parseInput(stationSchema, args.input),
        ctx.deps.now(),
      ),
    setStationActive: (_, args, ctx) =>
      setStationActive(ctx.deps.db, ctx.actor, args.id, args.active, ctx.deps.now()),
    updateStationDetails: (_, args, ctx) =>
      updateStationDetails(
        ctx.deps.db,
        ctx.actor,
        args.id,
        parseInput(stationDetailsSchema, args.input),
        ctx.deps.now(),
      ),
  },
}
