/**
 * An audit entry as people read it: the action in words and its before/after as a diff, each
 * value formatted for its kind (money in yuan, instants on the Shanghai clock, enums in their
 * copy). A field the log does not know keeps its raw key and JSON value; nothing here throws.
 */
import { hasMessage, type Lang } from '../i18n'
import { formatFen } from '../money'
import {
  formatCount,
  formatDate,
  formatDecimal,
  formatInstant,
  formatMonth,
  formatPercent,
} from '../../views/components/format'
import { auditActionKey, auditFieldSpec, type AuditFieldKind } from './entry-messages'

/** What `readableEntry` needs of an entry. */
export interface RecordedEntry {
  action: string
  entityType: string
  /** JSON text, as stored. */
  before: string | null
  after: string | null
}

export interface ReadableChange {
  /** The recorded key. */
  field: string
  label: string
  /** The value before, formatted; null when the field was not recorded before. */
  before: string | null
  after: string | null
  changed: boolean
}

export interface ReadableEntry {
  actionLabel: string
  changes: ReadableChange[]
}

/**
 * `entry` in `lang`'s words.
 * @example
 * readableEntry({ action: 'cost.record', entityType: 'cost', before: null,
 *   after: '{"amountFen":135000}' }, lang)
 * // { actionLabel: 'Cost recorded', changes: [{ field: 'amountFen', label: 'Amount',
 * //   before: null, after: '¥1,350.00', changed: true }] }
 */
export function readableEntry(entry: RecordedEntry, lang: Lang): ReadableEntry {
  const key = auditActionKey(entry.action)
  const before = fields(entry.before)
  const after = fields(entry.after)
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])]
  return {
    actionLabel: key ? lang.t(key) : entry.action,
    changes: names.map((field) => {
      const spec = auditFieldSpec(field)
      const read = (value: unknown) =>
        value === undefined ? null : formatValue(field, value, entry.entityType, lang)
      return {
        field,
        label: spec ? lang.t(spec.label) : field,
        before: read(before[field]),
        after: read(after[field]),
        changed: JSON.stringify(before[field]) !== JSON.stringify(after[field]),
      }
    }),
  }
}

/** The recorded fields; a value that is not an object is one field named `value`. */
function fields(json: string | null): Record<string, unknown> {
  if (json === null) return {}
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    return { value: json }
  }
  if (value === null) return {}
  return typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : { value }
}

function formatValue(field: string, value: unknown, entityType: string, lang: Lang): string {
  if (value === null) return lang.t('audit.value.none')
  const spec = auditFieldSpec(field)
  if (!spec) return raw(value)
  if (Array.isArray(value)) {
    if (spec.kind === 'weekdays') return value.map((d) => weekday(d, lang)).join(', ')
    return value.map((v) => formatValue(field, v, entityType, lang)).join(', ')
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => {
        const inner = auditFieldSpec(k)
        return `${inner ? lang.t(inner.label) : k} ${formatValue(k, v, entityType, lang)}`
      })
      .join(' · ')
  }
  return formatScalar(spec.kind, value, spec.values?.(entityType), lang) ?? raw(value)
}

/** A scalar of `kind`, or undefined when it is not what the kind expects. */
function formatScalar(
  kind: AuditFieldKind,
  value: unknown,
  copyPrefix: string | undefined,
  { t, locale }: Lang,
): string | undefined {
  const n = typeof value === 'number' ? value : undefined
  const s = typeof value === 'string' ? value : undefined
  switch (kind) {
    case 'money':
      return n !== undefined && Number.isSafeInteger(n) ? formatFen(n, locale) : undefined
    case 'instant':
      return s && !Number.isNaN(Date.parse(s)) ? formatInstant(s, locale) : undefined
    case 'date':
      return s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? formatDate(s, locale) : undefined
    case 'month':
      return s && /^\d{4}-\d{2}$/.test(s) ? formatMonth(s, locale) : undefined
    case 'count':
      return n !== undefined ? formatCount(n, locale) : undefined
    case 'number':
      return n !== undefined ? formatDecimal(n, locale, 6) : undefined
    case 'percentBp':
      return n !== undefined ? formatPercent(n / 10_000, locale, 2) : undefined
    case 'boolean':
      return typeof value === 'boolean' || value === 0 || value === 1
        ? t(value ? 'audit.value.true' : 'audit.value.false')
        : undefined
    case 'enum': {
      const key = `${copyPrefix}${String(value)}`
      return copyPrefix && hasMessage(key) ? t(key) : undefined
    }
    case 'weekdays':
      return undefined
    case 'id':
    case 'text':
      return s
  }
}

function weekday(day: unknown, lang: Lang): string {
  const key = `weekday.${String(day)}`
  return hasMessage(key) ? lang.t(key) : raw(day)
}

const raw = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value))
