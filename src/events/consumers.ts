import { notifyForEvent } from '../notifications/notify'
import type { EventConsumer } from './drain'

/**
 * What the outbox drain does with each event besides webhook deliveries: it calls every consumer
 * in turn. A consumer must be idempotent (the drain delivers at least once).
 */
export const eventConsumers: EventConsumer[] = [
  async function notifyPeople(db, event) {
    await notifyForEvent(db, event)
  },
]
