import * as z from '../zod'
import { webhookEventTypes } from '../events/types'

/** An endpoint as its owner writes it, shared by the page's form and GraphQL. */
export const webhookEndpointInput = z.object({
  url: z.string().check(z.trim(), z.minLength(8), z.maxLength(2000)),
  events: z
    .array(z.enum(webhookEventTypes))
    .check(z.minLength(1), z.maxLength(webhookEventTypes.length)),
  description: z._default(z.string().check(z.trim(), z.maxLength(200)), ''),
})
export type WebhookEndpointInput = z.output<typeof webhookEndpointInput>

/** A change to an endpoint: any of its fields, and switching it on or off. */
export const webhookEndpointPatch = z.partial(
  z.extend(webhookEndpointInput, {
    description: z.string().check(z.trim(), z.maxLength(200)),
    enabled: z.boolean(),
  }),
)
export type WebhookEndpointPatch = z.output<typeof webhookEndpointPatch>

export const deliveriesPage = z.object({
  first: z._default(z.number().check(z.int(), z.gte(1), z.lte(100)), 20),
  after: z.optional(z.string().check(z.maxLength(40))),
})
