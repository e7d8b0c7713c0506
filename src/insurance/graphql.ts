import { NotFound } from '../errors'
import type { Resolvers } from '../graphql/resolvers.generated'
import { parseInput, withoutNulls } from '../parse-input'
import { noFileSent, uploadsFromFiles } from '../uploads'
import { addClaimEvidence, evidenceUrl } from './evidence'
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
} from './service'

export const resolvers: Resolvers = {
  Query: {
    claims: (_, args, ctx) => listClaims(ctx.deps.db, ctx.actor, args.status ?? undefined),
    insurancePool: (_, __, ctx) => insurancePool(ctx.deps.db, ctx.actor, ctx.deps.now()),
    claimPayoutPreview: (_, __, ctx) => payoutPreview(ctx.deps.db, ctx.actor, ctx.deps.now()),
    myInsurance: (_, __, ctx) => myInsurance(ctx.deps.db, ctx.actor),
  },
  Mutation: {
    enrolInsurance: (_, args, ctx) =>
      enrolInsurance(
        ctx.deps.db,
        ctx.actor,
        parseInput(enrolSchema, withoutNulls(args)).startMonth,
        ctx.deps.now(),
      ),
    declareOrderValue: (_, args, ctx) =>
      declareOrderValue(
        ctx.deps.db,
        ctx.actor,
        parseInput(declarationSchema, args),
        ctx.deps.now(),
      ),
    fileClaim: (_, args, ctx) =>
      fileClaim(
        ctx.deps.db,
        ctx.actor,
        parseInput(claimSchema, withoutNulls(args.input)),
        ctx.deps.now(),
      ),
    decideClaim: (_, args, ctx) =>
      decideClaim(
        ctx.deps.db,
        ctx.actor,
        parseInput(decisionSchema, withoutNulls(args.input)),
        ctx.deps.now(),
      ),
    runClaimPayout: (_, args, ctx) =>
      runClaimPayout(ctx.deps.db, ctx.actor, parseInput(payoutSchema, args), ctx.deps.now()),
    // The claim page's upload, by the multipart request spec: the same function and checks.
    uploadClaimEvidence: async (_, args, ctx) => {
      const { db, blobs, now } = ctx.deps
      if (!blobs) throw new NotFound('Evidence')
      const files = await uploadsFromFiles(args.evidence)
      const added = await addClaimEvidence(db, blobs, ctx.actor, args.claimId, files, now())
      if (added.length === 0) throw noFileSent('evidence')
      return added
    },
  },
  ClaimEvidence: {
    url: (e) => evidenceUrl(e),
  },
  Claim: {
    merchant: (c, _, ctx) => ctx.loaders.merchant.load(c.merchantId),
    return: (c, _, ctx) =>
      c.returnId && ctx.actor?.role === 'MERCHANT' ? ctx.loaders.return.load(c.returnId) : null,
  },
}
