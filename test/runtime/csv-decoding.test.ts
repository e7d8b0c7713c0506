import { describe, expect, it } from 'vitest'
import { decodeCsv } from '../../src/returns/import/csv'

describe('returns files under workerd', () => {
  it('decodes GB18030 bytes with the platform TextDecoder', () => {
    expect(new TextDecoder('gb18030').encoding).toBe('gb18030')
    const bytes = new Uint8Array([0xb6, 0xa9, 0xb5, 0xa5, 0xba, 0xc5, 0x2c, 0xbd, 0xf0, 0xb6, 0xee])
    expect(decodeCsv(bytes)).toBe('订单号,金额')
  })
})
