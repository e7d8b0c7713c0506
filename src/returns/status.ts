import type { ReturnStatus } from '../../db/schema'

/**
 * The return status flow (the database's triggers enforce the same table). Later issues add
 * inspection and resolution after AT_HUB.
 */
export const nextStatuses: Record<ReturnStatus, readonly ReturnStatus[]> = {
  REGISTERED: ['AT_STATION', 'CANCELLED'],
  AT_STATION: ['IN_TRANSIT'],
  IN_TRANSIT: ['AT_HUB'],
  AT_HUB: [],
  CANCELLED: [],
}

export function canMove(from: ReturnStatus, to: ReturnStatus): boolean {
  return nextStatuses[from].includes(to)
}
