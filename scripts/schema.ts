// Writes the merged GraphQL schema to schema.graphql at the root, for clients to generate code
// from. A test fails when the committed file is out of date: run `npm run schema` after changing
// any capability's SDL.
import { writeFileSync } from 'node:fs'
import { schemaText } from './schema-text'

writeFileSync(new URL('../schema.graphql', import.meta.url), schemaText())
console.log('wrote schema.graphql')
