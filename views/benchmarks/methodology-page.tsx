import {
  DOMINANCE_LIMIT,
  dimensions,
  METHODOLOGY_VERSION,
  MIN_K,
  MIN_SAMPLE,
  starBands,
  thresholds,
  type Dimension,
} from '../../src/benchmarks/methodology'
import { riskRules } from '../../src/benchmarks/service'
import { usePage } from '../context'
import { formatScore, formatShare } from './format'
import { formatCount } from '../components/format'
import { Stars } from './stars'

/**
 * How scores are made, read from the code that makes them (methodology.ts), so the page and the
 * scores can never disagree: dimensions and thresholds, star bands, the k and dominance rules,
 * the publication freeze and the return-credit signal.
 */
export function MethodologyPage({ k }: { k?: number }) {
  const { t, locale } = usePage()
  const threshold = (d: Dimension, v: number) =>
    d === 'CARE'
      ? t('benchmarks.unit.stars', { stars: formatScore(v, locale) })
      : formatShare(v, locale)
  const percent = formatShare(DOMINANCE_LIMIT, locale)
  return (
    <>
      <h1>{t('benchmarks.method.title')}</h1>
      <p class="hint">{t('benchmarks.method.version', { version: METHODOLOGY_VERSION })}</p>
      <section class="card methodology" aria-labelledby="method-dimensions">
        <p>{t('benchmarks.method.intro')}</p>
        <h2 id="method-dimensions">{t('benchmarks.method.dimensions')}</h2>
        <table class="methodology__thresholds">
          <thead>
            <tr>
              <th scope="col">{t('benchmarks.method.col.dimension')}</th>
              <th scope="col">{t('benchmarks.method.col.figure')}</th>
              <th scope="col" class="num">
                {t('benchmarks.method.col.zero')}
              </th>
              <th scope="col" class="num">
                {t('benchmarks.method.col.full')}
              </th>
              <th scope="col">{t('benchmarks.method.col.volume')}</th>
              <th scope="col" class="num">
                {t('benchmarks.method.col.minSample')}
              </th>
            </tr>
          </thead>
          <tbody>
            {dimensions.map((d) => (
              <tr data-dimension={d}>
                <th scope="row">{t(`benchmarks.dimension.${d}`)}</th>
                <td>{t(`benchmarks.figure.${d}`)}</td>
                <td class="num" data-threshold="zero">
                  {threshold(d, thresholds[d].zero)}
                </td>
                <td class="num" data-threshold="full">
                  {threshold(d, thresholds[d].full)}
                </td>
                <td>{t(`benchmarks.volume.${d}`)}</td>
                <td class="num" data-min-sample>
                  {formatCount(MIN_SAMPLE[d], locale)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>{t('benchmarks.method.linear')}</p>
        <p>{t('benchmarks.method.minSample')}</p>
        <p>{t('benchmarks.method.overall')}</p>
      </section>

      <section class="card" aria-labelledby="method-stars">
        <h2 id="method-stars">{t('benchmarks.method.stars')}</h2>
        <table class="methodology__stars">
          <thead>
            <tr>
              <th scope="col">{t('benchmarks.method.col.score')}</th>
              <th scope="col">{t('benchmarks.method.col.stars')}</th>
            </tr>
          </thead>
          <tbody>
            {starBands.map((b, i) => {
              const above = starBands[i - 1]
              const from = t('benchmarks.method.atLeast', { min: formatScore(b.min, locale) })
              const range = above
                ? `${from}, ${t('benchmarks.method.below', { max: formatScore(above.min, locale) })}`
                : from
              return (
                <tr>
                  <td>{range}</td>
                  <td>
                    <Stars stars={b.stars} />
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </section>

      <section class="card" aria-labelledby="method-cohorts">
        <h2 id="method-cohorts">{t('benchmarks.method.cohorts')}</h2>
        <p>{t('benchmarks.method.cohortsBody')}</p>
        <p>{t('benchmarks.method.bands')}</p>
      </section>

      <section class="card" aria-labelledby="method-privacy">
        <h2 id="method-privacy">{t('benchmarks.method.privacy')}</h2>
        <ul>
          <li>
            {t('benchmarks.method.k', { k: MIN_K })}
            {k !== undefined && <> {t('benchmarks.method.kCurrent', { k })}</>}
          </li>
          <li>{t('benchmarks.method.dominance', { percent })}</li>
          <li>{t('benchmarks.method.withheld')}</li>
        </ul>
      </section>

      <section class="card" aria-labelledby="method-freeze">
        <h2 id="method-freeze">{t('benchmarks.method.freeze')}</h2>
        <p>{t('benchmarks.method.freezeBody')}</p>
        <p>{t('benchmarks.method.freezeRead')}</p>
      </section>

      <section class="card" aria-labelledby="method-credit">
        <h2 id="method-credit">{t('benchmarks.method.credit')}</h2>
        <p>{t('benchmarks.credit.lead')}</p>
        <ul>
          <li>{t('benchmarks.credit.shared')}</li>
          <li>
            {t('benchmarks.credit.seen', {
              days: riskRules.windowDays,
              elevated: riskRules.elevatedAt,
              high: riskRules.highAt,
            })}
          </li>
          <li>{t('benchmarks.credit.off')}</li>
        </ul>
      </section>
    </>
  )
}
