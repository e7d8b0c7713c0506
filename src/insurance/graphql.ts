import type { ClaimStatus } from '../../db/schema'
import type { GraphQLContext } from '../graphql/context'
import { parseInput } from '../parse-input'
import {
  claimSchema,
  decisionSchema,
  declarationSchema,
  enrolSchema,
  payoutSchema,
} from './schemas'
import {
  declareOrderValue,
  decideClaim,
  enrolInsurance,
  fileClaim,
  insurancePool,
  listClaims,
  myInsurance,
  payoutPreview,
  runClaimPayout,
  type Claim,
} from './service'

export const typeDefs = /* GraphQL */ `
  enum ClaimStatus {
    SUBMITTED
    UNDER_REVIEW
    APPROVED
    PARTIALLY_APPROVED
    REJECTED
    PAID
  }

  enum ClaimDecision {
    APPROVED
    PARTIALLY_APPROVED
    REJECTED
  }

  type InsuranceEnrolment {
    startMonth: String!
  }

  type Premium {
    month: String!
    orderValueFen: SafeInt
    rateBp: Int!
    premiumFen: SafeInt
  }

  type Claim {
    id: ID!
    merchant: Merchant!
    return: Return
    amountFen: SafeInt!
    lossDate: Date!
    description: String!
    "Per-claim cap of the terms in force on the loss date."
    capFen: SafeInt!
    status: ClaimStatus!
    approvedFen: SafeInt
    paidFen: SafeInt!
    decisionReason: String
    createdAt: String!
  }

  input FileClaimInput {
    returnId: ID
    amountFen: SafeInt!
    lossDate: Date!
    description: String!
  }

  input DecideClaimInput {
    claimId: ID!
    decision: ClaimDecision!
    "Defaults to the full amount (within the cap) for APPROVED."
    approvedFen: SafeInt
    reason: String!
  }

  type InsurancePool {
    "Cash held by the pool."
    balanceFen: SafeInt!
    "Kept back from payouts."
    reserveFen: SafeInt!
    "Approved claims not yet paid."
    pendingFen: SafeInt!
  }

  type PayoutLine {
    claim: Claim!
    outstandingFen: SafeInt!
    payFen: SafeInt!
  }

  type PayoutPreview {
    balanceFen: SafeInt!
    reserveFen: SafeInt!
    pendingFen: SafeInt!
    availableFen: SafeInt!
    payments: [PayoutLine!]!
  }

  type PayoutResult {
    balanceFen: SafeInt!
    reserveFen: SafeInt!
    pendingFen: SafeInt!
    paidFen: SafeInt!
    replayed: Boolean!
  }

  type MyInsurance {
    enrolment: InsuranceEnrolment
    premiums: [Premium!]!
    claims: [Claim!]!
  }

  extend type Query {
    "Merchants: their own claims; coordinators: the queue."
    claims(status: ClaimStatus): [Claim!]!
    insurancePool: InsurancePool!
    "Coordinators: what a payout run would pay now, pro rata when cash is short."
    claimPayoutPreview: PayoutPreview!
    myInsurance: MyInsurance!
  }

  extend type Mutation {
    enrolInsurance(startMonth: String): InsuranceEnrolment!
    declareOrderValue(month: String!, orderValueFen: SafeInt!): Premium!
    fileClaim(input: FileClaimInput!): Claim!
    decideClaim(input: DecideClaimInput!): Claim!
    runClaimPayout(month: String!, idempotencyKey: String!): PayoutResult!
  }
`

type Ctx = GraphQLContext
const withoutNulls = (args: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(args).filter(([, v]) => v !== null && v !== undefined))

export const resolvers = {
  Query: {
    claims: (_: unknown, args: { status?: ClaimStatus }, ctx: Ctx) =>
      listClaims(ctx.deps.db, ctx.actor, args.status ?? undefined),
    insurancePool: (_: unknown, __: unknown, ctx: Ctx) =>
      insurancePool(ctx.deps.db, ctx.actor, ctx.deps.now()),
    claimPayoutPreview: (_: unknown, __: unknown, ctx: Ctx) =>
      payoutPreview(ctx.deps.db, ctx.actor, ctx.deps.now()),
    myInsurance: (_: unknown, __: unknown, ctx: Ctx) => myInsurance(ctx.deps.db, ctx.actor),
  },
  Mutation: {
    enrolInsurance: (_: unknown, args: Record<string, unknown>, ctx: Ctx) =>
      enrolInsurance(
        ctx.deps.db,
        ctx.actor,
        parseInput(enrolSchema, withoutNulls(args)).startMonth,
        ctx.deps.now(),
      ),
    declareOrderValue: (_: unknown, args: unknown, ctx: Ctx) =>
      declareOrderValue(
        ctx.deps.db,
        ctx.actor,
        parseInput(declarationSchema, args),
        ctx.deps.now(),
      ),
    fileClaim: (_: unknown, args: { input: Record<string, unknown> }, ctx: Ctx) =>
      fileClaim(
        ctx.deps.db,
        ctx.actor,
        parseInput(claimSchema, withoutNulls(args.input)),
        ctx.deps.now(),
      ),
    decideClaim: (_: unknown, args: { input: Record<string, unknown> }, ctx: Ctx) =>
      decideClaim(
        ctx.deps.db,
        ctx.actor,
        parseInput(decisionSchema, withoutNulls(args.input)),
        ctx.deps.now(),
      ),
    runClaimPayout: (_: unknown, args: unknown, ctx: Ctx) =>
      runClaimPayout(ctx.deps.db, ctx.actor, parseInput(payoutSchema, args), ctx.deps.now()),
  },
  Claim: {
    merchant: (c: Claim, _: unknown, ctx: Ctx) => ctx.loaders.merchant.load(c.merchantId),
    return: (c: Claim, _: unknown, ctx: Ctx) =>
      c.returnId && ctx.actor?.role === 'MERCHANT' ? ctx.loaders.return.load(c.returnId) : null,
  },
}
