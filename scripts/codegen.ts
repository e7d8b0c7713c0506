// `npm run codegen`: after changing any .graphql file under src, rewrites what is generated from
// them (scripts/codegen-text.ts) and then schema.graphql at the root, the merged schema clients
// generate their code from. Tests fail while any of the three is out of date.
import { writeFileSync } from 'node:fs'
import { generatedFiles, resolverTypesText, sdlFiles, typeDefsText } from './codegen-text'

const root = new URL('..', import.meta.url)
const write = (path: string, text: string) => {
  writeFileSync(new URL(path, root), text)
  console.log(`wrote ${path}`)
}

const files = sdlFiles()
write(generatedFiles.typeDefs, typeDefsText(files))
write(generatedFiles.resolvers, await resolverTypesText(files))
// Imported only now: the served schema is built from the type definitions just written.
const { schemaText } = await import('./schema-text')
write('schema.graphql', schemaText())
