import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { rulesSchema } from '../settlement/schemas'
import { stationSchema } from '../stations/schemas'
import { auditActionKey, auditFieldSpec } from './entry-messages'

const srcRoot = new URL('..', import.meta.url).pathname

/** Every source file that may write an audit entry (not tests, not the writer itself). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name)
    if (d.isDirectory()) return sourceFiles(path)
    if (!/\.tsx?$/.test(d.name) || /\.test\.tsx?$|\.generated\.ts$/.test(d.name)) return []
    return relative(srcRoot, path) === join('audit', 'log.ts') ? [] : [path]
  })
}

/** The text from `open` (a bracket) to its matching close, skipping strings. */
function balanced(text: string, open: number): string {
  const pairs: Record<string, string> = { '(': ')', '{': '}', '[': ']' }
  const stack: string[] = []
  for (let i = open; i < text.length; i++) {
    const ch = text[i]!
    if (ch === "'" || ch === '"') {
      i = text.indexOf(ch, i + 1)
      continue
    }
    if (pairs[ch]) stack.push(pairs[ch])
    else if (ch === stack[stack.length - 1]) {
      stack.pop()
      if (stack.length === 0) return text.slice(open, i + 1)
    }
  }
  return text.slice(open)
}

/** The expression after `at` up to the comma or bracket that ends it. */
function expressionAt(text: string, at: number): string {
  let depth = 0
  for (let i = at; i < text.length; i++) {
    const ch = text[i]!
    if (ch === "'" || ch === '"' || ch === '`') {
      if (ch !== '`') i = text.indexOf(ch, i + 1)
      continue
    }
    if ('({['.includes(ch)) depth++
    else if (')}]'.includes(ch)) {
      if (depth === 0) return text.slice(at, i).trim()
      depth--
    } else if (ch === ',' && depth === 0) return text.slice(at, i).trim()
  }
  return text.slice(at).trim()
}

/** The top-level keys of the first object literal in `expr`; spreads as `...name`. */
function objectKeys(expr: string): string[] {
  const body = balanced(expr, expr.indexOf('{')).slice(1, -1)
  const keys: string[] = []
  let depth = 0
  let start = 0
  const part = (end: number) => {
    const p = body.slice(start, end).trim()
    const m = /^(\.\.\.[\w.]+|\w+)\s*(?::|$)/.exec(p)
    if (m) keys.push(m[1]!)
    start = end + 1
  }
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!
    if (ch === "'" || ch === '"') i = body.indexOf(ch, i + 1)
    else if ('({['.includes(ch)) depth++
    else if (')}]'.includes(ch)) depth--
    else if (ch === ',' && depth === 0) part(i)
  }
  part(body.length)
  return keys
}

/**
 * Keys named in `json_object('key', value, …)` calls: the camelCase quoted words before a comma
 * (values written as SQL literals are upper-case enums).
 */
const jsonObjectKeys = (text: string) =>
  [...text.matchAll(/json_object\(/g)].flatMap((call) =>
    [...balanced(text, call.index + call[0].length - 1).matchAll(/'([a-z][A-Za-z]*)'\s*,/g)].map(
      (m) => m[1]!,
    ),
  )

interface Writers {
  actions: Set<string>
  fields: Set<string>
  /** Before/after expressions the scan cannot read, as `file: expression`. */
  unresolved: Set<string>
}

/**
 * What the app's audit writers record, read from their calls: `auditEntry(…)` and
 * `auditReturnMove(…)` (whose definition supplies a default `after`).
 */
function scanWriters(): Writers {
  const found: Writers = { actions: new Set(), fields: new Set(), unresolved: new Set() }
  for (const file of sourceFiles(srcRoot)) {
    const text = readFileSync(file, 'utf8')
    const name = relative(srcRoot, file)
    for (const call of text.matchAll(/\b(auditEntry|auditReturnMove)\(/g)) {
      const span = balanced(text, call.index + call[0].length - 1)
      for (const key of jsonObjectKeys(span)) found.fields.add(key)
      // A definition: only its default `after` is read.
      if (text.slice(0, call.index).endsWith('function ')) continue
      for (const m of span.matchAll(/\baction:\s*/g)) {
        const expr = expressionAt(span, m.index + m[0].length)
        const literals = [...expr.matchAll(/'([a-zA-Z]+(?:\.[a-zA-Z]+)+)'/g)].map((l) => l[1]!)
        if (literals.length === 0) found.unresolved.add(`${name}: action ${expr}`)
        for (const l of literals) found.actions.add(l)
      }
      for (const m of span.matchAll(/\b(before|after):\s*|^\s*(before|after)(?=,$)/gm)) {
        const expr = m[1] ? expressionAt(span, m.index + m[0].length) : m[2]!
        if (expr.includes('json_object(') || expr === 'null') continue
        if (!expr.includes('{')) {
          found.unresolved.add(`${name}: ${expr}`)
          continue
        }
        for (const key of objectKeys(expr)) {
          if (key.startsWith('...')) found.unresolved.add(`${name}: ${key}`)
          else found.fields.add(key)
        }
      }
    }
  }
  return found
}

/**
 * The writers the scan cannot read and the fields they record, each from the code that decides
 * them, so a field added there needs a label here too.
 */
const stationFields = [...Object.keys(stationSchema.shape), 'active']
const readElsewhere: Record<string, string[]> = {
  [`${join('stations', 'service.ts')}: ...input`]: stationFields,
  [`${join('stations', 'service.ts')}: audited(pick(before, input))`]: stationFields,
  [`${join('stations', 'service.ts')}: audited(input)`]: stationFields,
  [`${join('stations', 'service.ts')}: pick(before, fields)`]: stationFields,
  [`${join('stations', 'service.ts')}: fields`]: stationFields,
  [`${join('settlement', 'service.ts')}: ...input`]: Object.keys(rulesSchema.shape),
  // The invitation's scope: role and the one organisation the new user belongs to.
  [`${join('auth', 'invitations.ts')}: ...scope`]: ['role', 'merchantId', 'stationId', 'hubId'],
  // A return's move: its callers name the action and pass `after` as json_object(…), read with
  // them, or take the default, read with the definition.
  [`${join('returns', 'audit.ts')}: action move.action`]: [],
  [`${join('returns', 'audit.ts')}: after`]: [],
}

describe('the audit writers', () => {
  const writers = scanWriters()

  it('are found by the scan', () => {
    expect(writers.actions.size).toBeGreaterThan(40)
    expect(writers.actions).toContain('booking.waitlist')
    expect(writers.actions).toContain('staff.certification.reject')
    expect(writers.fields).toContain('largeItemOverride')
    expect(writers.fields).toContain('payments')
  })

  it('write no before/after the scan cannot read and this test does not know', () => {
    expect([...writers.unresolved].filter((u) => !(u in readElsewhere))).toEqual([])
  })

  it('write only actions that have a label', () => {
    expect([...writers.actions].filter((a) => auditActionKey(a) === undefined)).toEqual([])
  })

  it('write only fields that have a label and a kind', () => {
    const fields = new Set([...writers.fields, ...Object.values(readElsewhere).flat()])
    expect([...fields].filter((f) => auditFieldSpec(f) === undefined)).toEqual([])
  })
})
