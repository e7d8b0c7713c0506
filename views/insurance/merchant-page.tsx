import type { Claim } from '../../src/insurance/service'
import type { DeclarationMonth } from '../../src/insurance/queue'
import { Notice, type NoticeData } from '../components/notice'
import { CsrfField } from '../components/csrf-field'
import { Money } from '../components/money'
import { usePage } from '../context'
import { ClaimStatusBadge } from './bits'
import { ClaimForm, type ClaimFormProps } from './claim-form'
import { fenToYuan } from '../../src/money'
import { formatRate } from './format'
import { formatDate, formatMonth } from '../components/format'

export interface Premium {
  month: string
  orderValueFen: number | null
  rateBp: number
  premiumFen: number | null
}

export interface PoolTotals {
  balanceFen: number
  reserveFen: number
  pendingFen: number
}

export interface DeclarationRowProps {
  declaration: DeclarationMonth
  /** What was typed, when it came back refused. */
  typed?: string
  error?: string
  notice?: NoticeData
}

export interface MerchantInsuranceProps {
  enrolment: { startMonth: string } | null
  /** Months cover may start in (this month and the next few). */
  startMonths: string[]
  rateBp: number
  declarations: DeclarationRowProps[]
  premiums: Premium[]
  claims: Claim[]
  claimForm: ClaimFormProps
  pool: PoolTotals
  notice?: NoticeData
}

/** The merchant's insurance page: cover, monthly declarations, premiums, claims, a new claim. */
export function MerchantInsurancePage(props: MerchantInsuranceProps) {
  const { t } = usePage()
  return (
    <>
      <h1>{t('insurance.title')}</h1>
      <p class="hint">{t('insurance.lead')}</p>
      {props.notice && <Notice {...props.notice} />}
      <CoverSection
        enrolment={props.enrolment}
        startMonths={props.startMonths}
        rateBp={props.rateBp}
      />
      {props.enrolment && (
        <DeclarationsSection
          startMonth={props.enrolment.startMonth}
          rateBp={props.rateBp}
          rows={props.declarations}
        />
      )}
      {props.enrolment && <PremiumsTable premiums={props.premiums} />}
      {props.enrolment && <ClaimsList claims={props.claims} />}
      {props.enrolment && <ClaimForm {...props.claimForm} />}
      <PoolCard pool={props.pool} />
    </>
  )
}

function CoverSection(props: {
  enrolment: { startMonth: string } | null
  startMonths: string[]
  rateBp: number
}) {
  const { t, locale } = usePage()
  const rate = formatRate(props.rateBp, locale)
  return (
    <section class="card" id="cover" aria-labelledby="cover-title">
      <h2 id="cover-title">{t('insurance.cover.title')}</h2>
      {props.enrolment ? (
        <p class="lead">
          {t('insurance.cover.since', { month: formatMonth(props.enrolment.startMonth, locale) })}
        </p>
      ) : (
        <>
          <p>{t('insurance.cover.none', { rate })}</p>
          <form method="post" action="/insurance/enrol" class="insurance-inline">
            <CsrfField />
            <label for="enrol-start">{t('insurance.cover.start')}</label>
            <select id="enrol-start" name="startMonth">
              {props.startMonths.map((m, i) => (
                <option value={m} selected={i === 0}>
                  {formatMonth(m, locale)}
                </option>
              ))}
            </select>
            <button type="submit" class="button button--primary">
              {t('insurance.cover.enrol')}
            </button>
          </form>
        </>
      )}
    </section>
  )
}

function DeclarationsSection(props: {
  startMonth: string
  rateBp: number
  rows: DeclarationRowProps[]
}) {
  const { t, locale } = usePage()
  return (
    <section class="card" id="declarations" aria-labelledby="declarations-title">
      <h2 id="declarations-title">{t('insurance.declare.title')}</h2>
      <p class="hint">{t('insurance.declare.lead', { rate: formatRate(props.rateBp, locale) })}</p>
      {props.rows.length === 0 ? (
        <p class="muted">
          {t('insurance.declare.notYet', { month: formatMonth(props.startMonth, locale) })}
        </p>
      ) : (
        <div class="declarations">
          {props.rows.map((row) => (
            <DeclarationRow {...row} />
          ))}
        </div>
      )}
    </section>
  )
}

export const declarationId = (month: string) => `declaration-${month}`

/**
 * One month's declaration: what is declared and its premium, and while the month is open a form
 * that htmx posts and swaps back into this same box (without JavaScript it posts normally).
 */
export function DeclarationRow({ declaration: d, typed, error, notice }: DeclarationRowProps) {
  const { t, locale } = usePage()
  const id = declarationId(d.month)
  const inputId = `${id}-value`
  const label = formatMonth(d.month, locale)
  const value = typed ?? (d.orderValueFen === null ? '' : fenToYuan(d.orderValueFen))
  return (
    <div class="declaration" id={id}>
      <h3>{label}</h3>
      {d.orderValueFen === null ? (
        <p class="muted">{t('insurance.declare.none')}</p>
      ) : (
        <dl class="declaration__figures">
          <div>
            <dt>{t('insurance.declare.orderValue')}</dt>
            <dd>
              <Money fen={d.orderValueFen} />
            </dd>
          </div>
          <div>
            <dt>{t('insurance.declare.premium', { rate: formatRate(d.rateBp, locale) })}</dt>
            <dd class="declaration__premium">
              <Money fen={d.premiumFen ?? 0} />
            </dd>
          </div>
        </dl>
      )}
      {notice && <Notice {...notice} />}
      {d.closed ? (
        <p class="muted">{t('insurance.declare.closed', { month: label })}</p>
      ) : (
        <form
          method="post"
          action="/insurance/declarations"
          hx-post="/insurance/declarations"
          hx-target="closest .declaration"
          hx-swap="outerHTML"
          class={error ? 'declaration__form field--invalid' : 'declaration__form'}
          novalidate
        >
          <CsrfField />
          <input type="hidden" name="month" value={d.month} />
          <label for={inputId}>{t('insurance.declare.field', { month: label })}</label>
          <input
            id={inputId}
            name="orderValue"
            type="text"
            inputmode="decimal"
            autocomplete="off"
            placeholder="0.00"
            value={value}
            required
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? `${inputId}-error` : undefined}
          />
          <button type="submit" class="button button--primary" id={`${id}-submit`}>
            {d.orderValueFen === null
              ? t('insurance.declare.submit')
              : t('insurance.declare.correct')}
            <span class="visually-hidden"> {label}</span>
          </button>
          {error && (
            <p id={`${inputId}-error`} class="field__error">
              {error}
            </p>
          )}
        </form>
      )}
    </div>
  )
}

/** The premiums of every declared month; swapped out of band after a declaration. */
export function PremiumsTable({ premiums, oob }: { premiums: Premium[]; oob?: boolean }) {
  const { t, locale } = usePage()
  const total = premiums.reduce((s, p) => s + (p.premiumFen ?? 0), 0)
  return (
    <section
      class="card"
      id="premiums"
      aria-labelledby="premiums-title"
      hx-swap-oob={oob ? 'true' : undefined}
    >
      <h2 id="premiums-title">{t('insurance.premiums.title')}</h2>
      {premiums.length === 0 ? (
        <p class="muted">{t('insurance.premiums.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('insurance.premiums.month')}</th>
              <th scope="col" class="num">
                {t('insurance.premiums.orderValue')}
              </th>
              <th scope="col" class="num">
                {t('insurance.premiums.rate')}
              </th>
              <th scope="col" class="num">
                {t('insurance.premiums.premium')}
              </th>
            </tr>
          </thead>
          <tbody>
            {[...premiums].reverse().map((p) => (
              <tr>
                <th scope="row">{formatMonth(p.month, locale)}</th>
                <td class="num">
                  {p.orderValueFen === null ? '—' : <Money fen={p.orderValueFen} />}
                </td>
                <td class="num">{formatRate(p.rateBp, locale)}</td>
                <td class="num">{p.premiumFen === null ? '—' : <Money fen={p.premiumFen} />}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colspan={3}>
                {t('insurance.premiums.total')}
              </th>
              <td class="num">
                <Money fen={total} />
              </td>
            </tr>
          </tfoot>
        </table>
      )}
      <p class="hint">{t('insurance.premiums.hint')}</p>
    </section>
  )
}

/** The merchant's own claims, newest first, each linking to its status page. */
function ClaimsList({ claims }: { claims: Claim[] }) {
  const { t, locale } = usePage()
  return (
    <section class="card" id="claims" aria-labelledby="claims-title">
      <h2 id="claims-title">{t('insurance.claims.title')}</h2>
      {claims.length === 0 ? (
        <p class="muted">{t('insurance.claims.empty')}</p>
      ) : (
        <table class="claims-table">
          <thead>
            <tr>
              <th scope="col">{t('insurance.claims.lossDate')}</th>
              <th scope="col" class="num">
                {t('insurance.claims.amount')}
              </th>
              <th scope="col">{t('insurance.claims.status')}</th>
              <th scope="col" class="num">
                {t('insurance.claims.approved')}
              </th>
              <th scope="col" class="num">
                {t('insurance.claims.paid')}
              </th>
            </tr>
          </thead>
          <tbody>
            {[...claims].reverse().map((c) => (
              <tr>
                <th scope="row" data-label={t('insurance.claims.lossDate')}>
                  <a href={`/insurance/claims/${c.id}`}>
                    <time datetime={c.lossDate}>{formatDate(c.lossDate, locale)}</time>
                    <span class="visually-hidden"> {t('insurance.claims.open')}</span>
                  </a>
                </th>
                <td class="num" data-label={t('insurance.claims.amount')}>
                  <Money fen={c.amountFen} />
                </td>
                <td data-label={t('insurance.claims.status')}>
                  <ClaimStatusBadge status={c.status} />
                </td>
                <td class="num" data-label={t('insurance.claims.approved')}>
                  {c.approvedFen === null ? '—' : <Money fen={c.approvedFen} />}
                </td>
                <td class="num" data-label={t('insurance.claims.paid')}>
                  <Money fen={c.paidFen} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

/** What every member may know about the pool: its cash, reserve and what it owes. */
function PoolCard({ pool }: { pool: PoolTotals }) {
  const { t } = usePage()
  return (
    <section class="card" aria-labelledby="pool-title">
      <h2 id="pool-title">{t('insurance.pool.title')}</h2>
      <PoolFigures pool={pool} />
      <p>
        <a href="/insurance/pool">{t('insurance.pool.more')}</a>
      </p>
    </section>
  )
}

export function PoolFigures({ pool, availableFen }: { pool: PoolTotals; availableFen?: number }) {
  const { t } = usePage()
  const figures: [string, number][] = [
    [t('insurance.pool.balance'), pool.balanceFen],
    [t('insurance.pool.reserve'), pool.reserveFen],
    [t('insurance.pool.pending'), pool.pendingFen],
  ]
  if (availableFen !== undefined) figures.push([t('insurance.pool.available'), availableFen])
  return (
    <dl class="figures">
      {figures.map(([label, fen]) => (
        <div>
          <dt>{label}</dt>
          <dd>
            {/* `|| 0`: a sum of no credits comes back as -0, which would show as -¥0.00. */}
            <Money fen={fen || 0} />
          </dd>
        </div>
      ))}
    </dl>
  )
}
