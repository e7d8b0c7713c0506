import { localizedName } from '../../src/i18n/localized-name'
import type { Label } from '../../src/labels/service'
import { usePage } from '../context'
import { ReturnCode } from '../returns/bits'

interface LabelPickerProps {
  labels: Label[]
  /** More returns wait than are listed. */
  more: boolean
  max: number
}

/**
 * Choosing labels to print: the returns not yet dropped off with a checkbox each, the paper, and
 * buttons for the HTML sheet or the PDF of the selection or of them all. A GET form: printing
 * changes nothing, so it needs no CSRF token and works without JavaScript.
 */
export function LabelPicker({ labels, more, max }: LabelPickerProps) {
  const { t, locale } = usePage()
  return (
    <>
      <h1>{t('labels.title')}</h1>
      {labels.length === 0 ? (
        <p>{t('labels.pick.empty')}</p>
      ) : (
        <form method="get" action="/returns/labels" class="label-picker">
          <p>{t('labels.pick.intro')}</p>
          {more && <p class="hint">{t('labels.pick.more', { max })}</p>}
          <fieldset>
            <legend>{t('labels.layout')}</legend>
            <label class="choice">
              <input type="radio" name="layout" value="a4" checked /> {t('labels.layout.a4')}
            </label>
            <label class="choice">
              <input type="radio" name="layout" value="thermal" /> {t('labels.layout.thermal')}
            </label>
          </fieldset>
          <table class="returns-table">
            <thead>
              <tr>
                <th scope="col">{t('labels.pick.choose')}</th>
                <th scope="col">{t('returns.list.orderRef')}</th>
                <th scope="col">{t('returns.list.hub')}</th>
              </tr>
            </thead>
            <tbody>
              {labels.map(({ ret, hub }) => (
                <tr>
                  <td>
                    <label class="choice">
                      <input type="checkbox" name="ids" value={ret.id} />{' '}
                      <ReturnCode code={ret.code} />
                    </label>
                  </td>
                  <td data-label={t('returns.list.orderRef')}>{ret.orderRef}</td>
                  <td data-label={t('returns.list.hub')}>{localizedName(hub, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="label-actions">
            <button type="submit" class="button button--primary">
              {t('labels.printSelected')}
            </button>
            <button type="submit" class="button" formaction="/returns/labels.pdf">
              {t('labels.pdfSelected')}
            </button>
            <button type="submit" class="button" name="all" value="awaiting">
              {t('labels.printAll')}
            </button>
            <button
              type="submit"
              class="button"
              name="all"
              value="awaiting"
              formaction="/returns/labels.pdf"
            >
              {t('labels.pdfAll')}
            </button>
          </p>
        </form>
      )}
    </>
  )
}
