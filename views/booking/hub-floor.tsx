import type { HubThroughput } from '../../src/hubs/hub-throughput'
import { formatCount } from '../components/format'
import { usePage } from '../context'

/**
 * Today's floor at the hub (what `hubThroughput` answers): parcels received and inspected per
 * Shanghai hour against the hourly share of the day's capacity, the backlog by state, dwell
 * medians and p90s, and today's count per lane. Hours before the first and after the last
 * activity are left out so a phone shows only the working day.
 */
export function HubFloor({ floor }: { floor: HubThroughput }) {
  const { t, locale } = usePage()
  const n = (v: number) => formatCount(v, locale)
  const minutes = (v: number | null) => (v === null ? '—' : t('hub.floor.minutes', { n: n(v) }))
  const busy = floor.hourly.filter((h) => h.received > 0 || h.inspected > 0).map((h) => h.hour)
  const hours = busy.length
    ? floor.hourly.filter((h) => h.hour >= Math.min(...busy) && h.hour <= Math.max(...busy))
    : []
  const perHour = Math.ceil(floor.dailyCapacityUnits / 24)
  const total = floor.hourly.reduce((sum, h) => sum + h.received, 0)
  const { dwell } = floor
  return (
    <section class="card" aria-labelledby="floor-title" id="hub-floor">
      <h2 id="floor-title">{t('hub.floor.title')}</h2>
      <p>
        {t('hub.floor.receivedOfCapacity', {
          received: n(total),
          capacity: n(floor.dailyCapacityUnits),
        })}
      </p>
      {hours.length === 0 ? (
        <p class="muted">{t('hub.floor.none')}</p>
      ) : (
        <table class="floor-hours">
          <thead>
            <tr>
              <th scope="col">{t('hub.floor.hour')}</th>
              <th scope="col" class="num">
                {t('hub.floor.received')}
              </th>
              <th scope="col" class="num">
                {t('hub.floor.inspected')}
              </th>
              <th scope="col" class="num">
                {t('hub.floor.capacityPerHour')}
              </th>
            </tr>
          </thead>
          <tbody>
            {hours.map((h) => (
              <tr data-hour={h.hour}>
                <th scope="row">{`${String(h.hour).padStart(2, '0')}:00`}</th>
                <td class="num">{n(h.received)}</td>
                <td class="num">{n(h.inspected)}</td>
                <td class="num">{n(perHour)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('hub.floor.backlog')}</h3>
      <dl class="figures">
        {floor.backlog.map((b) => (
          <div>
            <dt>{t(`returns.status.${b.status}`)}</dt>
            <dd data-backlog={b.status}>{n(b.count)}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('hub.floor.dwell')}</h3>
      <dl class="figures">
        <div>
          <dt>{t('hub.floor.toInspected')}</dt>
          <dd>
            {t('hub.floor.p50p90', {
              p50: minutes(dwell.receivedToInspectedP50),
              p90: minutes(dwell.receivedToInspectedP90),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('hub.floor.toResolved')}</dt>
          <dd>
            {t('hub.floor.p50p90', {
              p50: minutes(dwell.inspectedToResolvedP50),
              p90: minutes(dwell.inspectedToResolvedP90),
            })}
          </dd>
        </div>
      </dl>
      <h3>{t('hub.floor.lanes')}</h3>
      {floor.lanes.length === 0 ? (
        <p class="muted">{t('hub.floor.none')}</p>
      ) : (
        <dl class="figures">
          {floor.lanes.map((l) => (
            <div>
              <dt>{l.code}</dt>
              <dd data-lane-count={l.code}>{n(l.count)}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  )
}
