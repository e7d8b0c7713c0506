import { membershipStatuses } from '../../db/schema'
import type { MerchantMembership } from '../../src/members/membership'
import type { MembershipApplication } from '../../src/members/service'
import { localizedName } from '../../src/i18n/localized-name'
import { CsrfField } from '../components/csrf-field'
import { SelectField, TextField } from '../components/form-field'
import { formatDay, formatMonth } from '../components/format'
import { Notice, type NoticeData } from '../components/notice'
import { usePage } from '../context'

export interface MerchantsPageProps {
  month: string
  nextMonth: string
  applications: MembershipApplication[]
  members: MerchantMembership[]
  notice?: NoticeData
}

/** Coordinators: applications to decide, and every merchant's membership this month. */
export function MerchantsPage(props: MerchantsPageProps) {
  const { t, locale } = usePage()
  return (
    <section class="card stack">
      <h1>{t('merchants.title')}</h1>
      {props.notice && <Notice tone={props.notice.tone} text={props.notice.text} />}
      <h2>{t('merchants.applications')}</h2>
      {props.applications.length === 0 ? (
        <p>{t('merchants.noApplications')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('merchants.col.shop')}</th>
              <th scope="col">{t('merchants.col.category')}</th>
              <th scope="col">{t('merchants.col.region')}</th>
              <th scope="col">{t('merchants.col.contact')}</th>
              <th scope="col">{t('merchants.col.decision')}</th>
            </tr>
          </thead>
          <tbody>
            {props.applications.map((app) => (
              <tr>
                <td>
                  {app.shopName}
                  <br />
                  <span class="hint">{app.shopUrl}</span>
                </td>
                <td>{t(`category.${app.category}`)}</td>
                <td>{app.region}</td>
                <td>{app.contact}</td>
                <td class="stack">
                  <form method="post" action={`/admin/merchants/applications/${app.id}/admit`}>
                    <CsrfField />
                    <TextField
                      name={`startMonth-${app.id}`}
                      label={t('merchants.startMonth')}
                      value={props.month}
                      required
                    />
                    <button type="submit" class="button button--primary">
                      {t('merchants.admit', { shop: app.shopName })}
                    </button>
                  </form>
                  <form method="post" action={`/admin/merchants/applications/${app.id}/decline`}>
                    <CsrfField />
                    <TextField
                      name={`reason-${app.id}`}
                      label={t('merchants.declineReason')}
                      required
                    />
                    <button type="submit" class="button">
                      {t('merchants.decline', { shop: app.shopName })}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('merchants.members', { month: formatMonth(props.month, locale) })}</h2>
      <p class="hint">{t('merchants.hint')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('merchants.col.merchant')}</th>
            <th scope="col">{t('merchants.col.joined')}</th>
            <th scope="col">{t('merchants.col.status')}</th>
            <th scope="col">{t('merchants.col.change')}</th>
          </tr>
        </thead>
        <tbody>
          {props.members.map(({ merchant, status, joined }) => {
            const name = localizedName(merchant, locale)
            return (
              <tr>
                <td>{name}</td>
                <td>{formatDay(merchant.joinedOn, locale)}</td>
                <td>{joined ? t(`merchants.status.${status}`) : t('merchants.notYet')}</td>
                <td>
                  <form method="post" action={`/admin/merchants/${merchant.id}/membership`}>
                    <CsrfField />
                    <SelectField
                      name={`status-${merchant.id}`}
                      label={t('merchants.newStatus')}
                      value={status === 'ACTIVE' ? 'SUSPENDED' : 'ACTIVE'}
                      options={membershipStatuses.map((s) => ({
                        value: s,
                        label: t(`merchants.status.${s}`),
                      }))}
                    />
                    <TextField
                      name={`fromMonth-${merchant.id}`}
                      label={t('merchants.fromMonth')}
                      value={props.nextMonth}
                      required
                    />
                    <button type="submit" class="button">
                      {t('merchants.setMembership', { merchant: name })}
                    </button>
                  </form>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}
