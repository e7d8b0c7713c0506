import type { Hub, Merchant } from '../../src/network/service'
import { CsrfField } from '../components/csrf-field'
import { usePage } from '../context'
import { HubTable } from '../map/hub-table'
import { localizedName } from '../../src/i18n/localized-name'

export function MerchantHome({
  merchant,
  hubs,
  breaches,
}: {
  merchant: Merchant
  hubs: Hub[]
  /** Returns that breached a service deadline since the merchant last dismissed the notice. */
  breaches: number
}) {
  const { t, locale } = usePage()
  return (
    <>
      {breaches > 0 && (
        <section class="card notice notice--warn" role="status" id="breach-notice">
          <p>{t('inspection.breaches.notice', { count: breaches })}</p>
          <p>
            <a href="/desk">{t('inspection.breaches.open')}</a>
          </p>
          <form method="post" action="/desk/breaches/dismiss">
            <CsrfField />
            <button type="submit">{t('inspection.breaches.dismiss')}</button>
          </form>
        </section>
      )}
      <section class="card">
        <h2>{t('home.merchant.profile')}</h2>
        <p class="lead">{localizedName(merchant, locale)}</p>
        <p>{t('home.merchant.category', { category: t(`category.${merchant.category}`) })}</p>
        <p>{t('home.merchant.joined', { date: merchant.joinedOn })}</p>
      </section>
      <section class="card">
        <h2>{t('home.next')}</h2>
        <ul class="links">
          <li>
            <a href="/bookings">{t('home.merchant.book')}</a>
          </li>
          <li>
            <a href="/returns/new">{t('returns.home.register')}</a>
          </li>
          <li>
            <a href="/returns/import">{t('returns.import.home')}</a>
          </li>
          <li>
            <a href="/returns">{t('returns.home.list')}</a>
          </li>
          <li>
            <a href="/desk">{t('inspection.home.desk')}</a>
          </li>
          <li>
            <a href="/service-levels">{t('inspection.home.serviceLevels')}</a>
          </li>
          <li>
            <a href="/staff">{t('inspection.home.staff')}</a>
          </li>
          <li>
            <a href="/statements">{t('settlement.home.statements')}</a>
          </li>
          <li>
            <a href="/insurance">{t('insurance.home.merchant')}</a>
          </li>
          <li>
            <a href="/benchmarks">{t('benchmarks.home.merchant')}</a>
          </li>
          <li>
            <a href="/map">{t('home.merchant.next')}</a>
          </li>
        </ul>
      </section>
      <section class="card">
        <h2>{t('home.merchant.hubs')}</h2>
        <HubTable hubs={hubs} />
      </section>
    </>
  )
}
