import type { Station } from '../../src/network/service'
import type { StationParcel } from '../../src/returns/station-console'
import { formatFen } from '../../src/money'
import { Money } from '../components/money'
import { CsrfField } from '../components/csrf-field'
import { usePage } from '../context'
import { CODE_SLOT, ReturnCode, StatusBadge, WithCode } from '../returns/bits'
import { formatClock, formatMonth } from '../components/format'

export type CheckInResult =
  | {
      kind: 'checkedIn'
      code: string
      commissionFen: number
      largeItem: boolean
      /** The hub's name in the page's language: the bag the parcel goes into. */
      hubName: string
      receiptPath: string
    }
  | { kind: 'already'; code: string }
  | {
      kind: 'refused'
      reason: 'required' | 'notFound' | 'CANCELLED' | 'OTHER_STATION' | 'STATION_INACTIVE'
    }
  /** A refusal the console has no words of its own for, in the shared refusal copy. */
  | { kind: 'refused'; reason: 'other'; text: string }
  /** A large item this station does not serve: where to send the customer, or take it anyway. */
  | { kind: 'largeItem'; code: string; text: string }

export interface MonthCommission {
  month: string
  parcels: number
  totalFen: number
}

interface ConsoleProps {
  station: Station
  result?: CheckInResult
  /** What was typed, kept in the field after a refusal so it can be corrected. */
  typed?: string
  parcels: StationParcel[]
  commission: MonthCommission
}

/** The station console: one big code field first, then today's parcels and the month's pay. */
export function ConsolePage(props: ConsoleProps) {
  const { t } = usePage()
  const s = props.station
  return (
    <div class="console">
      <h1>{t('returns.console.title')}</h1>
      <p class="console__station">
        {s.name} · {s.storeName}
      </p>
      {!s.active && <p class="notice notice--warn">{t('home.station.inactive')}</p>}
      <CheckInCard result={props.result} typed={props.typed} />
      <TodayParcels parcels={props.parcels} />
      <MonthTotal commission={props.commission} />
    </div>
  )
}

/**
 * The code form and the last result. htmx posts it and swaps the whole card, so the field
 * comes back empty and focused for the next parcel; without JavaScript the page re-renders.
 */
export function CheckInCard({ result, typed }: { result?: CheckInResult; typed?: string }) {
  const { t } = usePage()
  return (
    <section class="card console__check-in" id="check-in" aria-labelledby="check-in-title">
      <h2 id="check-in-title">{t('returns.console.checkIn')}</h2>
      <form
        method="post"
        action="/station/check-in"
        hx-post="/station/check-in"
        hx-target="#check-in"
        hx-swap="outerHTML"
        class="console__form"
      >
        <CsrfField />
        <label for="check-in-code">{t('returns.console.code')}</label>
        <div class="console__entry" data-scan-host>
          <input
            id="check-in-code"
            name="code"
            type="text"
            class="code-input code-input--console"
            value={typed ?? ''}
            autofocus
            inputmode="text"
            autocapitalize="characters"
            autocomplete="off"
            autocorrect="off"
            spellcheck={false}
            enterkeyhint="go"
            maxlength={40}
            placeholder="ABCD-EFGH-JKMN"
            aria-describedby="check-in-hint"
            aria-invalid={result?.kind === 'refused' ? 'true' : undefined}
            data-scan
            data-scan-label={t('returns.console.scan')}
            data-scan-stop={t('returns.console.scanStop')}
            data-scan-starting={t('returns.console.scanStarting')}
            data-scan-scanning={t('returns.console.scanning')}
            data-scan-unavailable={t('returns.console.scanUnavailable')}
            data-scan-denied={t('returns.console.scanDenied')}
          />
          <p id="check-in-hint" class="hint">
            {t('returns.console.codeHint')}
          </p>
          <button type="submit" class="button button--primary button--big">
            {t('returns.console.submit')}
          </button>
        </div>
      </form>
      {result && <ResultBox result={result} />}
    </section>
  )
}

function ResultBox({ result }: { result: CheckInResult }) {
  const { t, locale } = usePage()
  switch (result.kind) {
    case 'checkedIn':
      return (
        <div class="result result--ok" role="status" id="check-in-result">
          <p class="result__title">
            <WithCode
              sentence={t('returns.console.checkedIn', { code: CODE_SLOT })}
              code={result.code}
            />
          </p>
          <p class="result__bag">
            {t(result.largeItem ? 'returns.console.bagLarge' : 'returns.console.bag', {
              hub: result.hubName,
            })}
          </p>
          <p>
            {t('returns.console.earned', { amount: formatFen(result.commissionFen, locale) })}
            {result.largeItem && <span class="tag">{t('returns.console.large')}</span>}
          </p>
          <p>
            <a class="button" href={result.receiptPath} target="_blank" rel="noopener">
              {t('returns.console.receipt')}
            </a>
          </p>
        </div>
      )
    case 'largeItem':
      return <LargeItemOverride code={result.code} text={result.text} />
    case 'already':
      return (
        <div class="result result--warn" role="status" id="check-in-result">
          <p class="result__title">
            <WithCode
              sentence={t('returns.console.already', { code: CODE_SLOT })}
              code={result.code}
            />
          </p>
          <p>{t('returns.console.alreadyNote')}</p>
        </div>
      )
    case 'refused':
      return (
        <div class="result result--error" role="alert" id="check-in-result">
          <p class="result__title">
            {result.reason === 'other' ? result.text : t(`returns.console.error.${result.reason}`)}
          </p>
        </div>
      )
  }
}

/**
 * The clerk may still take the parcel (the customer cannot carry a pram across town), saying why;
 * the reason goes into the audit log beside the check-in.
 */
function LargeItemOverride({ code, text }: { code: string; text: string }) {
  const { t } = usePage()
  return (
    <div class="result result--error" role="alert" id="check-in-result">
      <p class="result__title">{text}</p>
      <form
        method="post"
        action="/station/check-in"
        hx-post="/station/check-in"
        hx-target="#check-in"
        hx-swap="outerHTML"
        class="stack"
      >
        <CsrfField />
        <input type="hidden" name="code" value={code} />
        <label for="override-reason">{t('returns.console.overrideReason')}</label>
        <input
          id="override-reason"
          name="overrideReason"
          type="text"
          required
          maxlength={200}
          aria-describedby="override-hint"
        />
        <p id="override-hint" class="hint">
          {t('returns.console.overrideHint')}
        </p>
        <button type="submit" class="button">
          {t('returns.console.override')}
        </button>
      </form>
    </div>
  )
}

export function TodayParcels({ parcels, oob }: { parcels: StationParcel[]; oob?: boolean }) {
  const { t, locale } = usePage()
  return (
    <section
      class="card"
      id="station-today"
      aria-labelledby="station-today-title"
      hx-swap-oob={oob ? 'true' : undefined}
    >
      <h2 id="station-today-title">{t('returns.console.today', { count: parcels.length })}</h2>
      {parcels.length === 0 ? (
        <p class="muted">{t('returns.console.todayEmpty')}</p>
      ) : (
        <ul class="parcels">
          {parcels.map((p) => (
            <li class="parcel">
              <time class="parcel__time" datetime={p.checkedInAt}>
                {formatClock(p.checkedInAt, locale)}
              </time>
              <span class="parcel__code">
                <ReturnCode code={p.code} />
              </span>
              <span class="parcel__what">
                {t(`category.${p.category}`)}
                {p.largeItem && <span class="tag">{t('returns.console.large')}</span>}
              </span>
              <span class="parcel__status">
                <StatusBadge status={p.status} />
              </span>
              <span class="parcel__fen">
                <Money fen={p.commissionFen} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

export function MonthTotal({ commission, oob }: { commission: MonthCommission; oob?: boolean }) {
  const { t, locale } = usePage()
  return (
    <section
      class="card"
      id="station-month"
      aria-labelledby="station-month-title"
      hx-swap-oob={oob ? 'true' : undefined}
    >
      <h2 id="station-month-title">
        {t('returns.console.month', { month: formatMonth(commission.month, locale) })}
      </h2>
      <p class="console__total">
        <Money fen={commission.totalFen} />
      </p>
      <p class="muted">{t('returns.console.monthParcels', { count: commission.parcels })}</p>
    </section>
  )
}
