/**
 * zod for the app: the functional build ("mini"), with the English messages that GraphQL's
 * refusals and the logs carry. The chained build attaches JSON Schema generation to every schema,
 * which no tree-shaking can drop from the Worker. Import it as `import * as z from './zod'`,
 * never from 'zod': mini has no messages until this module configures them, and its `z` object
 * would bring every export (all locales included) into the bundle.
 */
import { config } from 'zod/mini'
import en from 'zod/v4/locales/en.js'

config(en())

export * from 'zod/mini'
