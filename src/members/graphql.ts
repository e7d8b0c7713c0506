import type { Resolvers } from '../graphql/resolvers.generated'
import { isoMonth } from '../calendar/schemas'
import { parseInput } from '../parse-input'
import { listMemberships, setMerchantMembership } from './membership'
import {
  admitSchema,
  applicationFilterSchema,
  applicationSchema,
  declineSchema,
  membershipSchema,
} from './schemas'
import { admitMerchant, applyForMembership, declineApplication, listApplications } from './service'
import * as z from '../zod'

const monthArgs = z.object({ month: isoMonth })

export const resolvers: Resolvers = {
  Query: {
    membershipApplications: (_, args, ctx) => {
      const { status } = parseInput(applicationFilterSchema, args)
      return listApplications(ctx.deps.db, ctx.actor, status)
    },
    merchantMemberships: (_, args, ctx) => {
      const { month } = parseInput(monthArgs, args)
      return listMemberships(ctx.deps.db, ctx.actor, month)
    },
  },
  Mutation: {
    applyForMembership: (_, args, ctx) =>
      applyForMembership(ctx.deps.db, ctx.actor, parseInput(applicationSchema, args.input), {
        ip: ctx.ip,
        now: ctx.deps.now(),
      }),
    admitMerchant: (_, args, ctx) => {
      const { applicationId, startMonth } = parseInput(admitSchema, args)
      return admitMerchant(ctx.deps.db, ctx.actor, applicationId, startMonth, ctx.deps.now())
    },
    declineApplication: (_, args, ctx) => {
      const { applicationId, reason } = parseInput(declineSchema, args)
      return declineApplication(ctx.deps.db, ctx.actor, applicationId, reason, ctx.deps.now())
    },
    setMerchantMembership: (_, args, ctx) =>
      setMerchantMembership(
        ctx.deps.db,
        ctx.actor,
        parseInput(membershipSchema, args),
        ctx.deps.now(),
      ),
  },
  MembershipApplication: {
    merchant: (app, _, ctx) => (app.merchantId ? ctx.loaders.merchant.load(app.merchantId) : null),
  },
}
