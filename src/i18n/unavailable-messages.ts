/**
 * What the Worker answers while it cannot serve: kept apart from the other copy because the
 * Worker imports it directly, so it can still say so when the catalogues themselves failed to
 * load (src/worker.ts).
 */
export const en = {
  'error.unavailable':
    'Nestwork is not available: its configuration is incomplete. The operator has been told.',
}

export const zhCN: Record<keyof typeof en, string> = {
  'error.unavailable': 'Nestwork 暂不可用：配置不完整，已通知运维人员。',
}
