import * as z from 'zod'
import type { Category } from '../../db/schema'
import { isoMonth } from '../calendar/schemas'
import type { GraphQLContext } from '../graphql/context'
import { parseInput } from '../parse-input'
import { benchmarkTrend } from './published'
import { benchmarkReport, publishBenchmarks, returnRisk, setReturnCreditOptIn } from './service'

export const typeDefs = /* GraphQL */ `
  enum Band {
    BELOW_P25
    P25_TO_MEDIAN
    MEDIAN_TO_P75
    ABOVE_P75
  }

  enum RiskBand {
    NORMAL
    ELEVATED
    HIGH
  }

  type BenchmarkDimension {
    "TIMELINESS, RESOLUTION, PROFESSIONALISM or CARE"
    name: String!
    "The merchant's own score (0-100) in this dimension."
    myValue: Float
    "The figure behind it (a share, or average stars)."
    myFigure: Float
    p25: Float
    median: Float
    p75: Float
    myBand: Band
    "Set when this dimension's cohort figure is withheld."
    suppressedReason: String
  }

  type BenchmarkReport {
    month: String!
    "ALL or a category."
    cohort: String!
    cohortSize: Int!
    suppressed: Boolean!
    "NOT_PUBLISHED, COHORT_TOO_SMALL or DOMINANT_CONTRIBUTOR"
    reason: String
    dimensions: [BenchmarkDimension!]!
    score: Float
    stars: Int
  }

  type BenchmarkPublication {
    month: String!
    k: Int!
    methodologyVersion: Int!
  }

  "One published month of a trend: withheld months carry the reason and no numbers."
  type BenchmarkTrendPoint {
    month: String!
    "The merchant's own overall score (null for coordinators, and when withheld)."
    score: Float
    stars: Int
    "The cohort's published overall median."
    median: Float
    suppressedReason: String
  }

  type ReturnRisk {
    "Null until the return has been checked in at a station (see available)."
    band: RiskBand
    "False until the return has been checked in: only returns that reached a station count."
    available: Boolean!
  }

  extend type Query {
    "A published month compared with the alliance, or with a category's merchants."
    benchmarks(month: String!, category: Category): BenchmarkReport!
    "Merchants who opted in to the return-credit signal."
    returnRisk(returnId: ID!): ReturnRisk!
    "The overall score over the last published months up to month (at most 24, default 6), oldest first."
    benchmarkTrend(month: String!, category: Category, months: Int = 6): [BenchmarkTrendPoint!]!
  }

  extend type Mutation {
    "Coordinators: fixes a finished month's figures for good."
    publishBenchmarks(month: String!): BenchmarkPublication!
    setReturnCreditOptIn(optIn: Boolean!): Boolean!
  }
`

type Ctx = GraphQLContext

const trendLength = z.number().int().min(1).max(24)

export const resolvers = {
  Query: {
    benchmarks: async (_: unknown, args: { month: string; category?: Category }, ctx: Ctx) => {
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
    benchmarkTrend: (
      _: unknown,
      args: { month: string; category?: Category | null; months?: number | null },
      ctx: Ctx,
    ) =>
      benchmarkTrend(
        ctx.deps.db,
        ctx.actor,
        parseInput(isoMonth, args.month),
        args.category ?? undefined,
        parseInput(trendLength, args.months ?? 6),
      ),
    returnRisk: (_: unknown, args: { returnId: string }, ctx: Ctx) =>
      returnRisk(ctx.deps.db, ctx.actor, args.returnId, ctx.deps.now()),
  },
  Mutation: {
    publishBenchmarks: (_: unknown, args: { month: string }, ctx: Ctx) =>
      publishBenchmarks(ctx.deps.db, ctx.actor, parseInput(isoMonth, args.month), ctx.deps.now()),
    setReturnCreditOptIn: (_: unknown, args: { optIn: boolean }, ctx: Ctx) =>
      setReturnCreditOptIn(ctx.deps.db, ctx.actor, args.optIn, ctx.deps.now()),
  },
}
