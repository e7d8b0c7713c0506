/** Copy for the customer's receipt at the station counter. */
export const en = {
  'receipt.title': 'Receipt for {code}',
  'receipt.heading': 'Return handed in',
  'receipt.code': 'Return code',
  'receipt.at': 'Handed in',
  'receipt.station': 'Station',
  'receipt.hub': 'Goes on to',
  'receipt.qr': 'QR code of the tracking page for {code}',
  'receipt.track': 'Scan the code or open {url} to follow your return.',
  'receipt.print': 'Print receipt',
  'receipt.back': 'Back to the console',
}

export const zhCN: Record<keyof typeof en, string> = {
  'receipt.title': '{code} 的交件凭证',
  'receipt.heading': '退货包裹已交件',
  'receipt.code': '退货码',
  'receipt.at': '交件时间',
  'receipt.station': '驿站',
  'receipt.hub': '发往',
  'receipt.qr': '{code} 的退货查询页二维码',
  'receipt.track': '扫码或打开 {url} 查询退货进度。',
  'receipt.print': '打印凭证',
  'receipt.back': '返回驿站工作台',
}
