/**
 * Which column of an uploaded file holds which field of a return. Shop platforms name their
 * columns in English or Chinese (订单号, 商品名称…); the importer recognises the usual names, and
 * the merchant corrects the rest on the mapping step.
 */

export const importFields = [
  'orderRef',
  'category',
  'itemDescription',
  'orderValue',
  'largeItem',
  'reason',
  'hub',
  'customerContact',
] as const
export type ImportField = (typeof importFields)[number]

/** Field → the header text of its column in the file; a field left out is read as empty. */
export type ImportMapping = Partial<Record<ImportField, string>>

const aliases: Record<ImportField, string[]> = {
  orderRef: [
    'orderref',
    'order',
    'orderreference',
    'orderno',
    'ordernumber',
    'orderid',
    '订单号',
    '订单编号',
    '订单',
    '订单id',
  ],
  category: ['category', '类目', '品类', '类别', '分类'],
  itemDescription: [
    'item',
    'itemdescription',
    'product',
    'productname',
    'description',
    '商品',
    '商品名称',
    '退回商品',
    '宝贝名称',
    '商品描述',
  ],
  orderValue: [
    'ordervalue',
    'value',
    'amount',
    'orderamount',
    'price',
    'total',
    'yuan',
    '订单金额',
    '金额',
    '实付金额',
    '订单金额元',
  ],
  largeItem: ['largeitem', 'large', 'bulky', '大件', '是否大件'],
  reason: ['reason', 'returnreason', '退货原因', '原因', '退款原因'],
  hub: ['hub', 'hubid', 'hubname', 'destinationhub', '售后中心', '目的售后中心', '中心'],
  customerContact: [
    'contact',
    'customercontact',
    'phone',
    'email',
    'mobile',
    '顾客联系方式',
    '联系方式',
    '手机号',
    '手机',
    '电话',
    '顾客手机号或邮箱',
    '邮箱',
  ],
}

/** A header as compared: no case, spaces, punctuation or bracketed units ("Value (yuan)"). */
const key = (header: string) =>
  header
    .toLowerCase()
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s_\-.:：#/]/g, '')

/**
 * The mapping of a header row: the remembered one where its headers are still in the file,
 * else the column whose header is a known name of the field.
 * @example detectMapping(['订单号', '商品名称']) // { orderRef: '订单号', itemDescription: '商品名称' }
 */
export function detectMapping(headers: readonly string[], remembered: ImportMapping = {}) {
  const mapping: ImportMapping = {}
  const taken = new Set<string>()
  for (const field of importFields) {
    const kept = remembered[field]
    if (kept !== undefined && headers.includes(kept)) {
      mapping[field] = kept
      taken.add(kept)
    }
  }
  for (const field of importFields) {
    if (mapping[field] !== undefined) continue
    const found = headers.find((h) => !taken.has(h) && aliases[field].includes(key(h)))
    if (found !== undefined) {
      mapping[field] = found
      taken.add(found)
    }
  }
  return mapping
}
