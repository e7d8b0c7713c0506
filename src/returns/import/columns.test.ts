import { describe, expect, it } from 'vitest'
import { detectMapping } from './columns'

describe('detectMapping', () => {
  it('recognises the English names of every field', () => {
    const headers = [
      'Order reference',
      'Category',
      'Item',
      'Order value (yuan)',
      'Large item',
      'Reason',
      'Hub',
      'Customer contact',
    ]
    expect(detectMapping(headers)).toEqual({
      orderRef: 'Order reference',
      category: 'Category',
      itemDescription: 'Item',
      orderValue: 'Order value (yuan)',
      largeItem: 'Large item',
      reason: 'Reason',
      hub: 'Hub',
      customerContact: 'Customer contact',
    })
  })

  it('recognises the Chinese names shop platforms export', () => {
    const headers = [
      '订单号',
      '类目',
      '商品名称',
      '订单金额（元）',
      '是否大件',
      '退货原因',
      '售后中心',
      '手机号',
    ]
    expect(detectMapping(headers)).toEqual({
      orderRef: '订单号',
      category: '类目',
      itemDescription: '商品名称',
      orderValue: '订单金额（元）',
      largeItem: '是否大件',
      reason: '退货原因',
      hub: '售后中心',
      customerContact: '手机号',
    })
  })

  it('prefers the remembered mapping where its headers are still in the file', () => {
    const mapping = detectMapping(['单号', '订单号', '备注'], {
      orderRef: '单号',
      reason: '备注',
      hub: '去向',
    })
    expect(mapping).toEqual({ orderRef: '单号', reason: '备注' })
  })

  it('leaves a field unmapped when no header names it', () => {
    expect(detectMapping(['foo', 'bar'])).toEqual({})
  })
})
