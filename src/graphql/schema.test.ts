import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { schemaText } from '../../scripts/schema-text'

describe('schema.graphql', () => {
  it('is the schema the code serves (run `npm run codegen` after changing any .graphql file)', () => {
    const committed = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8')
    expect(committed).toBe(schemaText())
  })
})
