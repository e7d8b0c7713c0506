import type { Role } from '../../db/schema'
import type { AuditEntry, AuditPage as AuditResultPage } from '../../src/audit/browse'
import { auditActionKey } from '../../src/audit/entry-messages'
import { readableEntry, type ReadableChange } from '../../src/audit/readable'
import { usePage } from '../context'
import { formatInstant } from '../components/format'

/** The filters as typed (strings), so the form shows them back even when one is invalid. */
export interface AuditFilterValues {
  action: string
  entityId: string
  /** A user id, from links and programs; the form asks for a person instead. */
  actor: string
  person: string
  from: string
  to: string
  /** Page size, when not the default; carried by the paging links, not shown in the form. */
  first?: string
}

export interface AuditPageProps {
  filters: AuditFilterValues
  actions: string[]
  result: AuditResultPage
  /** Whether this page is an older one (offer a way back to the newest). */
  paged: boolean
  error?: string
}

/** The audit log address for `filters`, optionally older than an entry (its cursor). */
export function auditHref(filters: AuditFilterValues, after?: string) {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value)
  if (after !== undefined) query.set('after', after)
  const qs = query.toString()
  return qs ? `/admin/audit?${qs}` : '/admin/audit'
}

/** Coordinators browse every recorded change: filters, then the entries newest first. */
export function AuditPage(props: AuditPageProps) {
  const { t } = usePage()
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p class="hint">{t('audit.lead')}</p>
      <Filters {...props} />
      <AuditResults {...props} />
    </>
  )
}

function Filters({ filters, actions }: AuditPageProps) {
  const { t } = usePage()
  return (
    <form
      method="get"
      action="/admin/audit"
      class="filters audit-filters"
      aria-label={t('audit.filter.label')}
      hx-get="/admin/audit"
      hx-target="#audit-results"
      hx-swap="outerHTML"
      hx-push-url="true"
    >
      <label for="audit-action">{t('audit.filter.action')}</label>
      <select id="audit-action" name="action">
        <option value="">{t('audit.filter.anyAction')}</option>
        {actions.map((a) => {
          const key = auditActionKey(a)
          return (
            <option value={a} selected={a === filters.action}>
              {key ? t(key) : a}
            </option>
          )
        })}
      </select>
      <label for="audit-entity">{t('audit.filter.entityId')}</label>
      <input id="audit-entity" name="entityId" value={filters.entityId} maxlength={100} />
      <label for="audit-person">{t('audit.filter.person')}</label>
      <input
        id="audit-person"
        name="person"
        type="search"
        value={filters.person}
        maxlength={100}
        autocomplete="off"
      />
      {filters.actor && <input type="hidden" name="actor" value={filters.actor} />}
      <label for="audit-from">{t('audit.filter.from')}</label>
      <input id="audit-from" name="from" type="date" value={filters.from} />
      <label for="audit-to">{t('audit.filter.to')}</label>
      <input id="audit-to" name="to" type="date" value={filters.to} />
      <button type="submit">{t('audit.filter.submit')}</button>
      <a href="/admin/audit">{t('audit.filter.clear')}</a>
    </form>
  )
}

/** The entries and the "older" link; also the htmx fragment that replaces itself. */
export function AuditResults({ filters, result, paged, error }: AuditPageProps) {
  const { t } = usePage()
  return (
    <section id="audit-results" class="card" aria-live="polite" aria-label={t('audit.caption')}>
      {error && (
        <p class="error-summary" role="alert">
          {error}
        </p>
      )}
      {result.entries.length === 0 ? (
        <p class="muted">{t('audit.none')}</p>
      ) : (
        <table class="audit-log table-stack">
          <caption class="visually-hidden">{t('audit.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.col.at')}</th>
              <th scope="col">{t('audit.col.actor')}</th>
              <th scope="col">{t('audit.col.action')}</th>
              <th scope="col">{t('audit.col.entity')}</th>
              <th scope="col">{t('audit.col.change')}</th>
              <th scope="col">{t('audit.col.request')}</th>
            </tr>
          </thead>
          <tbody>
            {result.entries.map((e) => (
              <Row entry={e} />
            ))}
          </tbody>
        </table>
      )}
      <p class="pager">
        {paged && (
          <a
            href={auditHref(filters)}
            hx-get={auditHref(filters)}
            hx-target="#audit-results"
            hx-swap="outerHTML"
            hx-push-url="true"
          >
            {t('audit.newest')}
          </a>
        )}{' '}
        {result.olderCursor !== null && (
          <a
            rel="next"
            href={auditHref(filters, result.olderCursor)}
            hx-get={auditHref(filters, result.olderCursor)}
            hx-target="#audit-results"
            hx-swap="outerHTML"
            hx-push-url="true"
          >
            {t('audit.older')}
          </a>
        )}
      </p>
    </section>
  )
}

function Row({ entry: e }: { entry: AuditEntry }) {
  const { t, locale } = usePage()
  const readable = readableEntry(e, { t, locale })
  return (
    <tr id={`audit-${e.id}`}>
      <td class="nowrap" data-label={t('audit.col.at')}>
        <time datetime={e.at}>{formatInstant(e.at, locale)}</time>
      </td>
      <td data-label={t('audit.col.actor')}>
        {e.actorUserId ? (
          <>
            {e.actorName ?? e.actorUserId}
            <span class="muted">
              {' '}
              {t(`role.${e.actorRole as Role}`)} · <code>{e.actorUserId}</code>
            </span>
          </>
        ) : (
          t('audit.public')
        )}
      </td>
      <td data-label={t('audit.col.action')}>{readable.actionLabel}</td>
      <td data-label={t('audit.col.entity')}>
        <code>{e.entityId}</code>
      </td>
      <td data-label={t('audit.col.change')}>
        {readable.changes.length === 0 ? (
          <span class="muted">—</span>
        ) : (
          <ul class="audit-diff">
            {readable.changes.map((c) => (
              <Change change={c} />
            ))}
          </ul>
        )}
      </td>
      <td data-label={t('audit.col.request')}>
        {e.requestId && <code class="audit-log__request">{e.requestId}</code>}
      </td>
    </tr>
  )
}

/**
 * One field: a changed one as `Amount ¥1,200.00 → ¥1,350.00` (or only its new or old value when
 * it was recorded on one side), an unchanged one muted with its value once.
 */
function Change({ change: c }: { change: ReadableChange }) {
  const { t } = usePage()
  if (!c.changed) {
    return (
      <li class="audit-diff__same">
        <span class="audit-diff__label">{c.label}</span> {c.after ?? c.before}
      </li>
    )
  }
  return (
    <li class="audit-diff__changed">
      <span class="audit-diff__label">{c.label}</span>{' '}
      {c.before !== null && c.after !== null ? (
        <>
          <del>{c.before}</del> <span aria-hidden="true">→</span>
          <span class="visually-hidden">{t('audit.change.to')}</span> <ins>{c.after}</ins>
        </>
      ) : c.after !== null ? (
        <ins>{c.after}</ins>
      ) : (
        <del>{c.before}</del>
      )}
    </li>
  )
}
