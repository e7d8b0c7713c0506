/** Copy for the station console, hub pickup runs and station management, both languages. */
export const en = {
  'stations.placeholder': 'Stations',
}

export const zhCN: Record<keyof typeof en, string> = {
  'stations.placeholder': '驿站',
}
