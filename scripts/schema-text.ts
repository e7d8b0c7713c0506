import { lexicographicSortSchema, printSchema } from 'graphql'
import { schema } from '../src/graphql/schema'

/**
 * The merged schema as SDL, types and fields sorted by name, so the text changes only when the
 * API does (not when a capability's SDL is reordered or moved).
 */
export function schemaText(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`
}
