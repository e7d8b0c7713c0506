import * as z from '../zod'
import { isoMonth } from '../calendar/schemas'
import type { Resolvers } from '../graphql/resolvers.generated'
import { parseInput } from '../parse-input'
import { benchmarkTrend } from './published'
import { benchmarkReport, publishBenchmarks, returnRisk, setReturnCreditOptIn } from './service'

const trendLength = z.number().check(z.int(), z.gte(1), z.lte(24))

export const resolvers: Resolvers = {
  Query: {
    benchmarks: async (_, args, ctx) => {
      const report = await benchmarkReport(
        ctx.deps.db,
        ctx.actor,
        parseInput(isoMonth, args.month),
        args.category ?? undefined,
      )
      return {
        ...report,
        dimensions: report.dimensions.map((d) => ({
          ...d,
          myFigure: d.myValue,
          myValue: d.myScore,
        })),
      }
    },
    benchmarkTrend: (_, args, ctx) =>
      benchmarkTrend(
        ctx.deps.db,
        ctx.actor,
        parseInput(isoMonth, args.month),
        args.category ?? undefined,
        parseInput(trendLength, args.months ?? 6),
      ),
    returnRisk: (_, args, ctx) => returnRisk(ctx.deps.db, ctx.actor, args.returnId, ctx.deps.now()),
  },
  Mutation: {
    publishBenchmarks: (_, args, ctx) =>
      publishBenchmarks(ctx.deps.db, ctx.actor, parseInput(isoMonth, args.month), ctx.deps.now()),
    setReturnCreditOptIn: (_, args, ctx) =>
      setReturnCreditOptIn(ctx.deps.db, ctx.actor, args.optIn, ctx.deps.now()),
  },
}
