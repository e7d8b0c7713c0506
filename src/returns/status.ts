import type { ReturnStatus } from '../../db/schema'

/** The return status flow; the database's triggers (migration 0004) enforce the same table. */
export const nextStatuses: Record<ReturnStatus, readonly ReturnStatus[]> = {
  REGISTERED: ['AT_STATION', 'CANCELLED'],
  AT_STATION: ['IN_TRANSIT'],
  IN_TRANSIT: ['AT_HUB'],
  AT_HUB: ['INSPECTED'],
  INSPECTED: ['RESOLVED'],
  RESOLVED: ['CLOSED'],
  CLOSED: [],
  CANCELLED: [],
}
