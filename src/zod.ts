/**
 * zod for the app: the functional build ("mini"), with the English messages that GraphQL's
 * refusals and the logs carry. The chained build attaches JSON Schema generation to every schema,
 * which no tree-shaking can drop from the Worker. Import `z` from here, never from 'zod': mini
 * has no messages until this module configures them.
 */
import { z } from 'zod/mini'
import en from 'zod/v4/locales/en.js'

z.config(en())

export { z }
