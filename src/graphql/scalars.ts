import { GraphQLError, GraphQLScalarType, Kind } from 'graphql'
import { isIsoDate } from '../calendar/local-date'
import type { Resolvers } from './resolvers.generated'

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

function parseSafeInt(value: unknown): number {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value
  throw new GraphQLError(
    `SafeInt must be a whole number between -(2^53 - 1) and 2^53 - 1, got ${JSON.stringify(value)}`,
  )
}

/**
 * A whole number in JavaScript's safe-integer range, sent as a JSON number. Money is integer fen,
 * and GraphQL's 32-bit `Int` stops at 21,474,836.47 yuan; the rules follow graphql-scalars'
 * `SafeInt`: no fractions, no strings, nothing past 2^53 - 1.
 */
export const SafeIntScalar = new GraphQLScalarType({
  name: 'SafeInt',
  description: 'A whole number between -(2^53 - 1) and 2^53 - 1; every amount of money in fen.',
  serialize: (value) => parseSafeInt(value),
  parseValue: (value) => parseSafeInt(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.INT) return parseSafeInt(undefined)
    return parseSafeInt(Number(ast.value))
  },
})

function parseFile(value: unknown): File {
  // Yoga hands over the part as the runtime's own File (Node's undici, workerd's): its shape is
  // checked rather than its class, which differs between runtimes.
  const file = value as Partial<File> | null
  if (typeof file?.arrayBuffer === 'function' && typeof file.size === 'number') return file as File
  throw new GraphQLError(
    'File must be a file part of a multipart request (see the GraphQL multipart request spec), not a JSON value',
  )
}

/**
 * A file uploaded as a part of a multipart request. Input only: a file is never sent back, its
 * URL is. A string or a literal in the query is refused, so a resolver always reads real bytes.
 */
export const FileScalar = new GraphQLScalarType({
  name: 'File',
  description: 'A file part of a multipart request (the GraphQL multipart request spec).',
  serialize: () => {
    throw new GraphQLError('File is an input type only')
  },
  parseValue: (value) => parseFile(value),
  parseLiteral: () => parseFile(undefined),
})

export const resolvers: Resolvers = { Date: DateScalar, SafeInt: SafeIntScalar, File: FileScalar }
