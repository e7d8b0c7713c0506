import { usePage } from '../context'
import { itemLabel } from './format'

/** A checklist as the hub answered it, one fact each (for a `<dl class="facts">`). */
export function ChecklistAnswers({ checklist }: { checklist: Record<string, unknown> }) {
  const { t } = usePage()
  return (
    <>
      {Object.entries(checklist).map(([key, value]) => (
        <div>
          <dt>{itemLabel(t, key)}</dt>
          <dd>
            {value === true
              ? t('inspection.yes')
              : value === false
                ? t('inspection.no')
                : String(value) || '—'}
          </dd>
        </div>
      ))}
    </>
  )
}
