import { raw } from 'hono/html'
import { page } from './template'

/**
 * A select's options, `chosen` marked: a template, as a list of stations or hubs can be long and
 * walking it as JSX elements costs a page more than its reads.
 * @example <select name="hubId">{selectOptions([['', t('any')], ...hubs.map((h) => [h.id, h.name])], f.hubId ?? '')}</select>
 */
export function selectOptions(
  entries: readonly (readonly [value: string, label: string])[],
  chosen: string,
) {
  return entries.map(
    ([value, label]) =>
      page`<option value="${value}"${value === chosen ? raw(' selected=""') : ''}>${label}</option>`,
  )
}
