import type { Role } from '../../db/schema'
import type { MessageKey } from '../../src/i18n'
import type { TourStop } from '../../src/home/demo-tour'
import { usePage } from '../context'

const tourText: Record<Role, MessageKey> = {
  MERCHANT: 'landing.tour.MERCHANT',
  STATION_OPERATOR: 'landing.tour.STATION_OPERATOR',
  HUB_OPERATOR: 'landing.tour.HUB_OPERATOR',
  COORDINATOR: 'landing.tour.COORDINATOR',
}

/**
 * What a visitor who is not signed in sees first: what Nestwork is, the two things a customer
 * comes for (tracking a return, finding a station), and, where the demo is seeded, what each
 * demo account can do.
 */
export function Landing(props: { tour?: { stops: TourStop[]; password: string } }) {
  const { t } = usePage()
  return (
    <>
      <section class="card hero">
        <h1>{t('landing.title')}</h1>
        <p class="lead">{t('landing.lead')}</p>
        <p>
          <a class="button button--primary" href="/login">
            {t('nav.signIn')}
          </a>
        </p>
      </section>
      <div class="landing-paths">
        <section class="card" aria-labelledby="landing-track">
          <h2 id="landing-track">{t('landing.track.title')}</h2>
          <p>{t('landing.track.body')}</p>
          <p>
            <a class="button" href="/track">
              {t('landing.track.action')}
            </a>
          </p>
        </section>
        <section class="card" aria-labelledby="landing-stations">
          <h2 id="landing-stations">{t('landing.stations.title')}</h2>
          <p>{t('landing.stations.body')}</p>
          <p>
            <a class="button" href="/stations">
              {t('landing.stations.action')}
            </a>
          </p>
        </section>
      </div>
      {props.tour && (
        <section class="card tour" aria-labelledby="landing-tour">
          <h2 id="landing-tour">{t('landing.tour.title')}</h2>
          <p>{t('landing.tour.lead', { password: props.tour.password })}</p>
          <dl class="tour__stops">
            {props.tour.stops.map((stop) => (
              <div class="tour__stop">
                <dt>
                  {t(`role.${stop.role}`)} · <code>{stop.email}</code>
                </dt>
                <dd>{t(tourText[stop.role])}</dd>
              </div>
            ))}
          </dl>
          <p class="hint">{t('landing.tour.more')}</p>
        </section>
      )}
    </>
  )
}
