import type { Db } from '../db'
import { notifyForEvent } from '../notifications/notify'
import type { OutboxEvent } from './types'

/**
 * What the outbox drain does with each event besides webhook deliveries: it calls every consumer
 * in turn. A consumer must be idempotent (the drain delivers at least once).
 */
export const eventConsumers: ((db: Db, event: OutboxEvent) => Promise<void>)[] = [
  async function notifyPeople(db, event) {
    await notifyForEvent(db, event)
  },
]
