import type { Resolvers } from '../graphql/resolvers.generated'
import { parseInput, withoutNulls } from '../parse-input'
import { isoMonth } from '../calendar/schemas'
import { describeBasis } from './basis'
import { costPerParcel } from './projection'
import { adjustmentSchema, closeSchema, correctionSchema, costSchema, rulesSchema } from './schemas'
import {
  addAdjustment,
  closeSettlement,
  costReversal,
  getRules,
  getSettlement,
  listCosts,
  markStatementPaid,
  merchantStatement,
  recordCost,
  reverseCost,
  setRules,
  settlementPreview,
  stationStatement,
  unmarkStatementPaid,
  voidCost,
  type SettlementLine,
  type SettlementView,
} from './service'

function byMerchant(view: SettlementView) {
  const groups = new Map<string, SettlementLine[]>()
  for (const line of view.lines) {
    const list = groups.get(line.merchantId) ?? []
    list.push(line)
    groups.set(line.merchantId, list)
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([merchantId, items]) => ({
      merchantId,
      shareFen: items.reduce((s, i) => s + i.amountFen, 0),
      items,
    }))
}

/** The open flag and cost per parcel of a statement or settlement, from its figures. */
const figureFields = {
  open: (s: { status: 'OPEN' | 'CLOSED' }) => s.status === 'OPEN',
  costPerParcelFen: (s: { totalFen: number; parcels: number }) =>
    costPerParcel(s.totalFen, s.parcels),
}

const settlementOut = (view: SettlementView) => ({
  ...view,
  lines: byMerchant(view),
  open: figureFields.open(view),
  costPerParcelFen: figureFields.costPerParcelFen(view),
})

export type MerchantLineOut = ReturnType<typeof byMerchant>[number]
export type AdjustmentRow = Awaited<ReturnType<typeof addAdjustment>>

export const resolvers: Resolvers = {
  Query: {
    costs: (_, args, ctx) =>
      listCosts(ctx.deps.db, ctx.actor, parseInput(isoMonth, args.month), ctx.deps.now()),
    allocationRules: (_, __, ctx) => getRules(ctx.deps.db, ctx.actor),
    settlementPreview: async (_, args, ctx) =>
      settlementOut(
        await settlementPreview(
          ctx.deps.db,
          ctx.actor,
          parseInput(isoMonth, args.month),
          ctx.deps.now(),
        ),
      ),
    settlement: async (_, args, ctx) => {
      const view = await getSettlement(ctx.deps.db, ctx.actor, parseInput(isoMonth, args.month))
      return view ? settlementOut(view) : null
    },
    myStatement: (_, args, ctx) =>
      merchantStatement(
        ctx.deps.db,
        ctx.actor,
        parseInput(isoMonth, args.month),
        ctx.deps.now(),
        args.merchantId ?? undefined,
      ),
    stationStatement: (_, args, ctx) =>
      stationStatement(ctx.deps.db, ctx.actor, args.stationId, parseInput(isoMonth, args.month)),
  },
  Mutation: {
    recordCost: (_, args, ctx) =>
      recordCost(
        ctx.deps.db,
        ctx.actor,
        parseInput(costSchema, withoutNulls(args.input)),
        ctx.deps.now(),
      ),
    setAllocationRules: (_, args, ctx) =>
      setRules(ctx.deps.db, ctx.actor, parseInput(rulesSchema, args.input), ctx.deps.now()),
    closeSettlement: async (_, args, ctx) =>
      settlementOut(
        await closeSettlement(
          ctx.deps.db,
          ctx.actor,
          parseInput(closeSchema, args),
          ctx.deps.now(),
        ),
      ),
    markStatementPaid: (_, args, ctx) =>
      markStatementPaid(ctx.deps.db, ctx.actor, args.statementId, ctx.deps.now()),
    addAdjustment: (_, args, ctx) =>
      addAdjustment(ctx.deps.db, ctx.actor, parseInput(adjustmentSchema, args), ctx.deps.now()),
    unmarkStatementPaid: (_, args, ctx) =>
      unmarkStatementPaid(
        ctx.deps.db,
        ctx.actor,
        parseInput(correctionSchema, args),
        ctx.deps.now(),
      ),
    voidCost: (_, args, ctx) =>
      voidCost(ctx.deps.db, ctx.actor, parseInput(correctionSchema, args), ctx.deps.now()),
    reverseCost: (_, args, ctx) =>
      reverseCost(ctx.deps.db, ctx.actor, parseInput(correctionSchema, args), ctx.deps.now()),
  },
  Cost: {
    hub: (c, _, ctx) => (c.hubId ? ctx.loaders.hub.load(c.hubId) : null),
    recurring: (c) => c.templateId !== null,
    voided: (c) => c.voidedAt !== null,
    reverses: (c, _, ctx) => (c.reversesCostId ? ctx.loaders.cost.load(c.reversesCostId) : null),
    reversedBy: (c, _, ctx) => costReversal(ctx.deps.db, ctx.actor, c.id),
  },
  SettlementMerchantLine: {
    merchant: (l, _, ctx) => ctx.loaders.merchant.load(l.merchantId),
  },
  SettlementItem: {
    basis: (l) => describeBasis(l),
    basisDetail: (l) => l.basis,
    cost: (l, _, ctx) => (l.costId ? ctx.loaders.cost.load(l.costId) : null),
    station: (l, _, ctx) => (l.stationId ? ctx.loaders.station.load(l.stationId) : null),
  },
  BasisDetail: {
    hub: (b, _, ctx) => (b.hubId ? ctx.loaders.hub.load(b.hubId) : null),
  },
  Statement: {
    ...figureFields,
    merchant: (s, _, ctx) => (s.merchantId ? ctx.loaders.merchant.load(s.merchantId) : null),
    station: (s, _, ctx) => (s.stationId ? ctx.loaders.station.load(s.stationId) : null),
    items: (s) => s.lines ?? [],
  },
  Adjustment: {
    merchant: (a, _, ctx) => ctx.loaders.merchant.load(a.merchantId),
  },
}
