import type { Resolvers } from '../graphql/resolvers.generated'
import { localDate } from '../calendar/local-date'
import { parseInput, withoutNulls } from '../parse-input'
import { countsAsCertified, submitCertification, verifyCertification } from './certification'
import {
  certificationSchema,
  staffSchema,
  submitCertificationSchema,
  verifyCertificationSchema,
} from './schemas'
import {
  addStaff,
  certificationsToVerify,
  listStaff,
  removeStaff,
  setStaffCertification,
} from './staff'

export const resolvers: Resolvers = {
  Query: {
    staff: (_, args, ctx) => listStaff(ctx.deps.db, ctx.actor, args.merchantId ?? undefined),
    certificationsToVerify: (_, __, ctx) => certificationsToVerify(ctx.deps.db, ctx.actor),
  },
  Mutation: {
    addStaff: (_, args, ctx) =>
      addStaff(ctx.deps.db, ctx.actor, parseInput(staffSchema, withoutNulls(args)), ctx.deps.now()),
    setStaffCertification: (_, args, ctx) => {
      const { staffId, certified } = parseInput(certificationSchema, args)
      return setStaffCertification(ctx.deps.db, ctx.actor, staffId, certified, ctx.deps.now())
    },
    removeStaff: (_, args, ctx) =>
      removeStaff(ctx.deps.db, ctx.actor, args.staffId, ctx.deps.now()),
    submitCertification: (_, args, ctx) => {
      const { staffId, ...input } = parseInput(submitCertificationSchema, {
        staffId: args.staffId,
        ...args.input,
      })
      return submitCertification(
        ctx.deps.db,
        ctx.deps.blobs,
        ctx.actor,
        staffId,
        input,
        ctx.deps.now(),
      )
    },
    verifyCertification: (_, args, ctx) => {
      const { staffId, verified, reason } = parseInput(
        verifyCertificationSchema,
        withoutNulls(args),
      )
      return verifyCertification(ctx.deps.db, ctx.actor, staffId, verified, reason, ctx.deps.now())
    },
  },
  Staff: {
    certification: (s, _, ctx) =>
      s.certStatus === 'NONE' || !s.certNumber || !s.certDate || !s.certExpiresOn
        ? null
        : {
            number: s.certNumber,
            date: s.certDate,
            expiresOn: s.certExpiresOn,
            expired: s.certExpiresOn <= localDate(ctx.deps.now()),
            status: s.certStatus,
            hasScan: !!s.certScanKey,
            reviewedAt: s.certReviewedAt,
            rejectReason: s.certRejectReason,
          },
    countsAsCertified: (s, _, ctx) => countsAsCertified(s, localDate(ctx.deps.now())),
    merchant: (s, _, ctx) => ctx.loaders.merchant.load(s.merchantId).then((m) => m!),
  },
}
