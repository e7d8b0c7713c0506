import {
  buildSchema,
  GraphQLScalarType,
  isObjectType,
  isScalarType,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql'

/** A capability's resolvers: field functions by type, or a scalar's implementation. */
export type ResolverMap = Record<string, unknown>

/**
 * The schema built from the type definitions, with each capability's resolvers attached.
 * graphql's own `buildSchema` and a loop over the maps do what `makeExecutableSchema` did for
 * the app (field functions and custom scalars only), without graphql-tools' schema and merge
 * packages in the Worker. A resolver for a type or field the SDL lacks, or of a shape the app
 * does not use, throws at start-up rather than being silently ignored.
 */
export function executableSchema(
  typeDefs: readonly string[],
  maps: readonly ResolverMap[],
): GraphQLSchema {
  const schema = buildSchema(typeDefs.join('\n'))
  for (const map of maps) {
    for (const [typeName, value] of Object.entries(map)) {
      const type = schema.getType(typeName)
      if (isScalarType(type) && value instanceof GraphQLScalarType) {
        type.serialize = value.serialize
        type.parseValue = value.parseValue
        type.parseLiteral = value.parseLiteral
        type.specifiedByURL = value.specifiedByURL
        type.description = value.description ?? type.description
        continue
      }
      if (!isObjectType(type) || typeof value !== 'object' || value === null) {
        throw new Error(`Resolvers for ${typeName}, which is not an object type of the schema`)
      }
      const fields = type.getFields()
      for (const [fieldName, resolve] of Object.entries(value)) {
        const field = fields[fieldName]
        if (!field || typeof resolve !== 'function') {
          throw new Error(`Resolver ${typeName}.${fieldName} has no field or is not a function`)
        }
        field.resolve = resolve as GraphQLFieldResolver<unknown, unknown>
      }
    }
  }
  return schema
}
