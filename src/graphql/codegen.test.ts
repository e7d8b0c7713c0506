import { readFileSync } from 'node:fs'
import { buildASTSchema, lexicographicSortSchema, parse, printSchema, visit } from 'graphql'
import { describe, expect, it } from 'vitest'
import {
  bareTypeDefsText,
  generatedFiles,
  resolverTypesText,
  sdlFiles,
  typeDefsText,
  withoutDescriptions,
} from '../../scripts/codegen-text'
import { schema } from './schema'

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

  it('type-defs.bare.generated.json holds their SDL without descriptions', () => {
    expect(committed(generatedFiles.bareTypeDefs)).toBe(bareTypeDefsText(files))
  })

  it('the bare SDL is the same schema, with no description left in it', () => {
    const bare = (JSON.parse(committed(generatedFiles.bareTypeDefs)) as { typeDefs: string[] })
      .typeDefs
    const described: string[] = []
    for (const sdl of bare) {
      visit(parse(sdl), {
        enter(node) {
          if ('description' in node && node.description) described.push(node.kind)
        },
      })
    }
    expect(described).toEqual([])
    const sorted = (sdl: string) => printSchema(lexicographicSortSchema(buildASTSchema(parse(sdl))))
    // The whole served schema, stripped at once, against the files stripped one by one.
    expect(sorted(bare.join('\n'))).toBe(sorted(withoutDescriptions(printSchema(schema))))
    expect(printSchema(schema)).toContain('"""')
  })

  it('resolvers.generated.ts holds the resolver types of their schema', async () => {
    expect(committed(generatedFiles.resolvers)).toBe(await resolverTypesText(files))
  })
})
