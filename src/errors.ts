import { GraphQLError } from 'graphql'
import { refusedField } from './db-refusal'
import type { NotFoundEntity, RefusalReason } from './refusal-reasons'

/** The error codes programs may rely on, in GraphQL `extensions.code` and in HTTP responses. */
export const errorCodes = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'CAPACITY_EXCEEDED',
  'RATE_LIMITED',
  'INTERNAL',
] as const
export type ErrorCode = (typeof errorCodes)[number]

const httpStatus: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  CAPACITY_EXCEEDED: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
}

/**
 * The machine-readable facts of a refusal, also sent as GraphQL `extensions`: why (`reason`,
 * from the one vocabulary in refusal-reasons.ts), which field or which kind of record, and the
 * figures a person needs to act on it (`remainingUnits`, `month`, `…Fen`).
 */
export interface ErrorDetails {
  reason?: RefusalReason
  field?: string
  entity?: NotFoundEntity
  [fact: string]: unknown
}

/**
 * An expected failure with a stable code. Its English message is for programs and logs; people
 * read catalogue copy built from the code and `details` (src/http/refusal-copy.ts).
 */
export class DomainError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, 'INTERNAL'>,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message)
    this.name = 'DomainError'
  }

  get status(): number {
    return httpStatus[this.code]
  }
}

export class Unauthenticated extends DomainError {
  constructor(message = 'Sign in first.') {
    super('UNAUTHENTICATED', message)
  }
}

export class Forbidden extends DomainError {
  constructor(message = 'You are not allowed to do that.', details: ErrorDetails = {}) {
    super('FORBIDDEN', message, details)
  }
}

export class NotFound extends DomainError {
  constructor(what: NotFoundEntity) {
    super('NOT_FOUND', `${what} not found.`, { entity: what })
  }
}

export class InvalidInput extends DomainError {
  constructor(
    readonly field: string,
    message: string,
    details: ErrorDetails = {},
  ) {
    super('BAD_USER_INPUT', `${field}: ${message}`, { field, ...details })
  }
}

/**
 * Every wrong field of one input at once, so a person fixes them together rather than one per
 * try: the first names `field` as usual, and `details.problems` lists each one's facts.
 */
export function invalidInputs(problems: readonly InvalidInput[]): InvalidInput | null {
  const [first, ...rest] = problems
  if (!first || rest.length === 0) return first ?? null
  const all = new InvalidInput(first.field, '', {
    ...first.details,
    problems: problems.map((p) => ({ ...p.details, message: p.message })),
  })
  all.message = problems.map((p) => p.message).join('; ')
  return all
}

export class Conflict extends DomainError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('CONFLICT', message, details)
  }
}

export class CapacityExceeded extends DomainError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('CAPACITY_EXCEEDED', message, details)
  }
}

export class RateLimited extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    details: ErrorDetails = {},
  ) {
    super('RATE_LIMITED', `Too many attempts. Try again in ${retryAfterSeconds} s.`, {
      retryAfterSeconds,
      ...details,
    })
  }
}

/** The GraphQL face of a domain error: its message, with the code and details as extensions. */
export function toGraphQLError(error: DomainError): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: { code: error.code, ...error.details },
  })
}

/**
 * Runs a write and turns an out-of-range refusal raised by the database into `InvalidInput` for
 * that field, so raw limits reach people as the same 400 / BAD_USER_INPUT as the app's checks.
 */
export async function withinRanges<T>(write: Promise<T>, message = 'out of range'): Promise<T> {
  try {
    return await write
  } catch (error) {
    const field = refusedField(error)
    if (field) throw new InvalidInput(field, message)
    throw error
  }
}
