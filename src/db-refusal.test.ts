import { DrizzleQueryError } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { databaseRefusal, isForeignKeyViolation, isUniqueViolation } from './db-refusal'

describe('databaseRefusal', () => {
  it.each([
    [
      'in the message (libSQL)',
      new Error('SQLITE_CONSTRAINT: WRONG_HUB: a parcel is …'),
      'WRONG_HUB',
    ],
    [
      'in the cause (drizzle over D1)',
      new Error('Failed query: insert …', {
        cause: new Error('D1_ERROR: WRONG_STATION: a station operator …'),
      }),
      'WRONG_STATION',
    ],
    [
      'of a frozen month',
      new Error('SQLITE_CONSTRAINT: MONTH_CLOSED: month is closed'),
      'MONTH_CLOSED',
    ],
    ['absent', new Error('UNIQUE constraint failed: returns.code'), null],
    ['a code without its colon (text that merely mentions it)', new Error('WRONG_HUB'), null],
    ['not an error', 'NOT_MISROUTED: only a parcel …', 'NOT_MISROUTED'],
    [
      'only from the database, not from the parameters drizzle repeats',
      new DrizzleQueryError(
        'insert into returns …',
        ['MONTH_CLOSED: typed by someone'],
        new Error('SQLITE_BUSY'),
      ),
      null,
    ],
  ])('finds the code %s', (_, error, code) => {
    expect(databaseRefusal(error)).toBe(code)
  })
})

describe('isUniqueViolation', () => {
  const libsql = new Error('SQLITE_CONSTRAINT: UNIQUE constraint failed: returns.code')
  const d1 = new DrizzleQueryError(
    'insert into "ledger_transactions" …',
    [],
    new Error(
      'D1_ERROR: UNIQUE constraint failed: ledger_transactions.idempotency_key: SQLITE_CONSTRAINT',
    ),
  )

  it('names the key SQLite refused, in the message or the cause', () => {
    expect(isUniqueViolation(libsql, 'returns.code')).toBe(true)
    expect(isUniqueViolation(d1, 'ledger_transactions.idempotency_key')).toBe(true)
  })

  it('is not another key, nor a column merely starting the same', () => {
    expect(isUniqueViolation(libsql, 'returns.id')).toBe(false)
    expect(isUniqueViolation(libsql, 'returns.cod')).toBe(false)
    expect(isUniqueViolation(d1, 'ledger_transactions.id')).toBe(false)
  })

  it('matches a composite key by all its columns', () => {
    const error = new Error('UNIQUE constraint failed: notifications.kind, notifications.return_id')
    expect(isUniqueViolation(error, 'notifications.kind, notifications.return_id')).toBe(true)
    expect(isUniqueViolation(error, 'notifications.kind')).toBe(false)
  })

  it('ignores the same words in the parameters of the query', () => {
    const typed = new DrizzleQueryError(
      'insert into "returns" …',
      ['UNIQUE constraint failed: returns.code'],
      new Error('SQLITE_CONSTRAINT: FOREIGN KEY constraint failed'),
    )
    expect(isUniqueViolation(typed, 'returns.code')).toBe(false)
    expect(isUniqueViolation(new Error('SQLITE_BUSY'), 'returns.code')).toBe(false)
  })
})

describe('isForeignKeyViolation', () => {
  it('finds a foreign key refusal through the cause', () => {
    const error = new Error('batch failed', {
      cause: new Error('SQLITE_CONSTRAINT: FOREIGN KEY constraint failed'),
    })
    expect(isForeignKeyViolation(error)).toBe(true)
    expect(isForeignKeyViolation(new Error('UNIQUE constraint failed: returns.code'))).toBe(false)
  })
})
