import { describe, expect, it } from 'vitest'
import { databaseRefusal } from './db-refusal'

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
    ['absent', new Error('UNIQUE constraint failed: returns.code'), null],
    ['a code without its colon (text that merely mentions it)', new Error('WRONG_HUB'), null],
    ['not an error', 'NOT_MISROUTED: only a parcel …', 'NOT_MISROUTED'],
  ])('finds the code %s', (_, error, code) => {
    expect(databaseRefusal(error)).toBe(code)
  })
})
