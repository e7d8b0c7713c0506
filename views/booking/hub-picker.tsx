import type { Hub } from '../../src/network/service'
import { usePage } from '../context'
import { localizedName } from '../../src/i18n/localized-name'

interface HubPickerProps {
  hubs: Hub[]
  current: string
  href: (hubId: string) => string
}

/** One link per hub; the shown hub is marked as current. */
export function HubPicker({ hubs, current, href }: HubPickerProps) {
  const { t, locale } = usePage()
  return (
    <nav class="hub-picker" aria-label={t('hubPicker.label')}>
      <ul>
        {hubs.map((h) => (
          <li>
            <a href={href(h.id)} aria-current={h.id === current ? 'page' : undefined}>
              {localizedName(h, locale)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
