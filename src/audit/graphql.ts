import type { GraphQLContext } from '../graphql/context'
import { parseInput } from '../parse-input'
import { browseAudit } from './browse'
import { auditFilterSchema } from './schemas'

export const typeDefs = /* GraphQL */ `
  "One recorded change of money, capacity, status or membership."
  type AuditEntry {
    id: ID!
    "UTC ISO instant."
    at: String!
    "Null for public (customer) changes."
    actorUserId: ID
    actorName: String
    "COORDINATOR, MERCHANT, STATION_OPERATOR, HUB_OPERATOR or PUBLIC."
    actorRole: String!
    "The x-request-id of the request that made the change."
    requestId: String
    "entity.verb, e.g. booking.confirm, parcel.checkIn, settlement.close."
    action: String!
    entityType: String!
    entityId: ID!
    "The relevant fields before the change, as JSON text; null for a creation."
    before: String
    "The relevant fields after the change, as JSON text."
    after: String
  }

  type AuditConnection {
    nodes: [AuditEntry!]!
    pageInfo: PageInfo!
  }

  extend type Query {
    "The alliance's audit log, newest first (coordinators). Dates are Shanghai YYYY-MM-DD."
    auditLog(
      first: Int
      after: String
      action: String
      entityId: ID
      actor: ID
      from: String
      to: String
    ): AuditConnection!
  }
`

type Ctx = GraphQLContext

export const resolvers = {
  Query: {
    auditLog: async (_: unknown, args: Record<string, unknown>, ctx: Ctx) => {
      const filter = parseInput(
        auditFilterSchema,
        Object.fromEntries(Object.entries(args).filter(([, v]) => v !== null)),
      )
      const page = await browseAudit(ctx.deps.db, ctx.actor, filter)
      return {
        nodes: page.entries,
        pageInfo: {
          endCursor: page.olderCursor === null ? null : String(page.olderCursor),
          hasNextPage: page.olderCursor !== null,
        },
      }
    },
  },
}
