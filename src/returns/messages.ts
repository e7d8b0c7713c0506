/** Copy for the returns pages (public tracking, merchant returns, labels), both languages. */
export const en = {
  'returns.placeholder': 'Returns',
}

export const zhCN: Record<keyof typeof en, string> = {
  'returns.placeholder': '退货',
}
