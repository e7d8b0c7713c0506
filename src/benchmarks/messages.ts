/** Copy for the benchmarks pages, both languages. */
export const en = {
  'benchmarks.placeholder': 'benchmarks',
}

export const zhCN: Record<keyof typeof en, string> = {
  'benchmarks.placeholder': 'benchmarks',
}
