import { GraphQLError, GraphQLScalarType, Kind } from 'graphql'
import { isIsoDate } from '../calendar/local-date'

function parseDate(value: unknown): string {
  if (typeof value === 'string' && isIsoDate(value)) return value
  throw new GraphQLError(
    `Date must be a real calendar date as YYYY-MM-DD, got ${JSON.stringify(value)}`,
  )
}

/** A local calendar date `YYYY-MM-DD`; impossible dates such as 2026-02-30 are rejected. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A local (Asia/Shanghai) calendar date, YYYY-MM-DD.',
  serialize: (value) => parseDate(value),
  parseValue: (value) => parseDate(value),
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
})

export const typeDefs = /* GraphQL */ `
  scalar Date
`

export const resolvers = { Date: DateScalar }
