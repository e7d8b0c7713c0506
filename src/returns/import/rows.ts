/**
 * One line of an uploaded returns file read as the registration form would have sent it, so the
 * one registration schema judges every line exactly as it judges the form and GraphQL.
 */
import { categories, type Category } from '../../../db/schema'
import { translator } from '../../i18n'
import { registerReturnForm, registrationIssues } from '../forms'
import type { RegisterReturnInput } from '../schemas'
import type { ImportField } from './columns'

/** A problem with one field as the schema reports it (`code`, `path`, `maximum`). */
export interface FieldProblem {
  code: string
  path: PropertyKey[]
  maximum?: unknown
}

/** What is wrong with one line; `row` counts the header as row 1, as a spreadsheet does. */
export interface RowRefusal {
  row: number
  problems: FieldProblem[]
  /** The order value as written, which the form's sentences quote. */
  orderValue: string
}

export interface ReadLine {
  row: number
  input: RegisterReturnInput
}

const yes = new Set(['y', 'yes', 'true', '1', 'on', 'x', '是', '√', '✓', '大件'])
const no = new Set(['', 'n', 'no', 'false', '0', 'off', '否', '不是'])

// Built on first use: the Worker has no copy until its first request has loaded it.
let categoryNamesByWord: Map<string, Category> | undefined
function categoryNames(): Map<string, Category> {
  if (categoryNamesByWord) return categoryNamesByWord
  categoryNamesByWord = new Map()
  for (const t of [translator('en'), translator('zh-CN')]) {
    for (const c of categories) {
      categoryNamesByWord.set(c.toLowerCase(), c)
      categoryNamesByWord.set(t(`category.${c}`).toLowerCase(), c)
    }
  }
  return categoryNamesByWord
}

/** Hubs by id and by either name, as the file may name them. */
export function hubFinder(hubs: readonly { id: string; name: string; nameZh: string }[]) {
  const byName = new Map<string, string>()
  for (const h of hubs) {
    for (const n of [h.id, h.name, h.nameZh]) byName.set(n.trim().toLowerCase(), h.id)
  }
  return (typed: string) => byName.get(typed.trim().toLowerCase()) ?? ''
}

/**
 * Reads one line. A category may be written as its code or its name in either language, the
 * large-item flag as yes/no in either language, the hub as its id or name.
 */
export function readLine(
  cells: readonly string[],
  row: number,
  columnOf: Partial<Record<ImportField, number>>,
  hubOf: (typed: string) => string,
): ReadLine | RowRefusal {
  const cell = (field: ImportField) => {
    const i = columnOf[field]
    return i === undefined ? '' : (cells[i] ?? '').trim()
  }
  const category = cell('category')
  const large = cell('largeItem').toLowerCase()
  const sent: Record<string, string> = {
    orderRef: cell('orderRef'),
    category: categoryNames().get(category.toLowerCase()) ?? category,
    itemDescription: cell('itemDescription'),
    orderValue: cell('orderValue'),
    largeItem: yes.has(large) ? 'on' : '',
    reason: cell('reason'),
    hubId: hubOf(cell('hub')),
    customerContact: cell('customerContact'),
  }
  const problems: FieldProblem[] = registrationIssues(sent)
  if (!yes.has(large) && !no.has(large)) {
    problems.push({ code: 'invalid_value', path: ['largeItem'] })
  }
  if (problems.length > 0) return { row, problems, orderValue: sent.orderValue! }
  return { row, input: registerReturnForm.parse(sent) }
}
