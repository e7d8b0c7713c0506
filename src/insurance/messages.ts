/** Copy for the insurance pages, both languages. */
export const en = {
  'insurance.placeholder': 'insurance',
}

export const zhCN: Record<keyof typeof en, string> = {
  'insurance.placeholder': 'insurance',
}
