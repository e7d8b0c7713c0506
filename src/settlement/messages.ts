/** Copy for the settlement pages, both languages. */
export const en = {
  'settlement.placeholder': 'settlement',
}

export const zhCN: Record<keyof typeof en, string> = {
  'settlement.placeholder': 'settlement',
}
