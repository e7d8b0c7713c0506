import * as z from 'zod'
import { webhookEventTypes } from '../events/types'

/** An endpoint as its owner writes it, shared by the page's form and GraphQL. */
export const webhookEndpointInput = z.object({
  url: z.string().trim().min(8).max(2000),
  events: z.array(z.enum(webhookEventTypes)).min(1).max(webhookEventTypes.length),
  description: z.string().trim().max(200).default(''),
})
export type WebhookEndpointInput = z.output<typeof webhookEndpointInput>

/** A change to an endpoint: any of its fields, and switching it on or off. */
export const webhookEndpointPatch = webhookEndpointInput
  .extend({ description: z.string().trim().max(200), enabled: z.boolean() })
  .partial()
export type WebhookEndpointPatch = z.output<typeof webhookEndpointPatch>

export const deliveriesPage = z.object({
  first: z.number().int().min(1).max(100).default(20),
  after: z.string().max(40).optional(),
})
