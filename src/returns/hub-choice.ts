/**
 * The destination hub a return's form suggests from the customer's drop-off region, read from
 * the alliance's hubs and stations (see `hub-suggestion.ts` for the choice itself).
 */
import { requireRole, type Actor } from '../auth/roles'
import type { Db } from '../db'
import { listHubs, listStations, type Hub } from '../network/service'
import { knownRegions, suggestHub, type HubSuggestion } from './hub-suggestion'

export type SuggestedHub = HubSuggestion & { hub: Hub; region: string }

/**
 * The alliance's hubs, the regions it has stations in, and for `region` (already parsed) the hub
 * serving most of its stations, null when it has none. Merchants and coordinators.
 */
export async function hubChoice(db: Db, actor: Actor | null, region: string | undefined) {
  const a = requireRole(actor, 'MERCHANT', 'COORDINATOR')
  const [hubs, stations] = await Promise.all([listHubs(db, a), listStations(db, a)])
  const found = region ? suggestHub(region, stations, hubs) : null
  const hub = found && hubs.find((h) => h.id === found.hubId)
  const suggestion: SuggestedHub | null = hub && region ? { ...found, hub, region } : null
  return { hubs, regions: knownRegions(stations), suggestion }
}

/** `hubChoice`'s suggestion alone, for the API. */
export async function suggestedHub(db: Db, actor: Actor | null, region: string) {
  return (await hubChoice(db, actor, region)).suggestion
}
