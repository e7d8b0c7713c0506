import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  generatedFiles,
  resolverTypesText,
  sdlFiles,
  typeDefsText,
} from '../../scripts/codegen-text'

const committed = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')

describe('what is generated from the .graphql files (run `npm run codegen` after changing any)', () => {
  const files = sdlFiles()

  it('reads every capability schema and the scalars', () => {
    expect(files.map((f) => f.path)).toContain('src/graphql/scalars.graphql')
    expect(files.map((f) => f.path)).toContain('src/booking/schema.graphql')
  })

  it('type-defs.generated.json holds their SDL', () => {
    expect(committed(generatedFiles.typeDefs)).toBe(typeDefsText(files))
  })

  it('resolvers.generated.ts holds the resolver types of their schema', async () => {
    expect(committed(generatedFiles.resolvers)).toBe(await resolverTypesText(files))
  })
})
