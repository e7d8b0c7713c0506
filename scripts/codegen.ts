// `npm run codegen`: after changing any .graphql file under src, rewrites what is generated from
// them (scripts/codegen-text.ts) and then schema.graphql at the root, the merged schema clients
// generate their code from; and the copy catalogues the Worker reads as static assets
// (scripts/catalogue-assets.ts). Tests fail while any of them is out of date.
import { mkdirSync, writeFileSync } from 'node:fs'
import { catalogueAssetPath, catalogueAssetText, catalogueLocales } from './catalogue-assets'
import {
  bareTypeDefsText,
  generatedFiles,
  resolverTypesText,
  sdlFiles,
  typeDefsText,
} from './codegen-text'

const root = new URL('..', import.meta.url)
const write = (path: string, text: string) => {
  writeFileSync(new URL(path, root), text)
  console.log(`wrote ${path}`)
}

const files = sdlFiles()
write(generatedFiles.typeDefs, typeDefsText(files))
write(generatedFiles.bareTypeDefs, bareTypeDefsText(files))
write(generatedFiles.resolvers, await resolverTypesText(files))
// Imported only now: the served schema is built from the type definitions just written.
const { schemaText } = await import('./schema-text')
write('schema.graphql', schemaText())

mkdirSync(new URL('static/i18n', root), { recursive: true })
for (const locale of catalogueLocales) write(catalogueAssetPath(locale), catalogueAssetText(locale))
