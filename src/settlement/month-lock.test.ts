import { describe, expect, it } from 'vitest'
import { refusalNotice } from '../../views/settlement/messages'
import { Conflict } from '../errors'
import { translator } from '../i18n'
import { justClosed, refusedAsClosed, refusedByKey } from './month-lock'

describe('a write that lost the race to a close', () => {
  it('is a CONFLICT naming the month, for programs', () => {
    const error = justClosed('2026-10', 'the cost was not recorded')
    expect(error).toBeInstanceOf(Conflict)
    expect(error.details).toEqual({ reason: 'MONTH_CLOSED', month: '2026-10' })
    expect(error.message).toBe(
      '2026-10 has just been closed, so the cost was not recorded; a correction to a closed month is an adjustment.',
    )
  })

  it('says the month has just closed on pages, in both languages', () => {
    const error = justClosed('2026-10')
    // The month refused is the one in the error, whatever page it was sent from.
    expect(refusalNotice({ t: translator('en'), locale: 'en' }, error, '2026-09')).toEqual({
      tone: 'error',
      text: 'October 2026 has just been closed, so this did not go through and nothing was recorded. A correction to a closed month is an adjustment to a merchant.',
    })
    expect(refusalNotice({ t: translator('zh-CN'), locale: 'zh-CN' }, error, '2026-09')).toEqual({
      tone: 'error',
      text: '2026年10月刚刚结账，本次操作未生效，没有记录任何内容。对已结账月份的更正，请为相关商户添加调整。',
    })
  })

  it('recognises the frozen-month triggers’ refusal however the driver wraps it', () => {
    const refusal = 'SQLITE_CONSTRAINT: MONTH_CLOSED: month is closed'
    expect(refusedAsClosed(new Error(refusal))).toBe(true)
    expect(refusedAsClosed(new Error('batch failed', { cause: new Error(refusal) }))).toBe(true)
    // The trigger's words alone are not its code.
    expect(refusedAsClosed(new Error('month is closed'))).toBe(false)
    expect(refusedAsClosed(new Error('UNIQUE constraint failed'))).toBe(false)
  })

  it('tells a batch refused by a key (a lost race) from any other failure', () => {
    expect(
      refusedByKey(new Error('SQLITE_CONSTRAINT_FOREIGNKEY: FOREIGN KEY constraint failed')),
    ).toBe(true)
    expect(
      refusedByKey(
        new Error('Failed query', {
          cause: new Error('UNIQUE constraint failed: settlements.alliance_id, settlements.month'),
        }),
      ),
    ).toBe(true)
    expect(refusedByKey(new Error('SQLITE_BUSY: database is locked'))).toBe(false)
    expect(refusedByKey(new TypeError('undefined is not a function'))).toBe(false)
  })
})
