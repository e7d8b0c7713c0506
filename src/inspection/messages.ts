/** Copy for the inspection pages, both languages. */
export const en = {
  'inspection.placeholder': 'inspection',
}

export const zhCN: Record<keyof typeof en, string> = {
  'inspection.placeholder': 'inspection',
}
