import type { Merchant } from '../../src/network/service'
import type { Staff } from '../../src/staff/staff'
import { localizedName } from '../../src/i18n/localized-name'
import { Notice, type NoticeData } from '../components/notice'
import { CsrfField } from '../components/csrf-field'
import { usePage } from '../context'
import { CertificateStatus } from './staff-page'

export interface VerifyPageProps {
  waiting: Staff[]
  merchants: Merchant[]
  today: string
  notice?: NoticeData
  /** The reason field of one row, refused. */
  refusedRow?: { staffId: string; error: string }
}

/** Coordinators: every certificate waiting for verification, with its scan, to verify or turn down. */
export function VerifyPage(props: VerifyPageProps) {
  const { t, locale } = usePage()
  const merchantName = (id: string) => {
    const m = props.merchants.find((x) => x.id === id)
    return m ? localizedName(m, locale) : id
  }
  return (
    <>
      <h1>{t('staff.admin.title')}</h1>
      <p class="hint">{t('staff.admin.lead')}</p>
      {props.notice && <Notice {...props.notice} />}
      <section class="card">
        {props.waiting.length === 0 ? (
          <p class="muted">{t('staff.admin.none')}</p>
        ) : (
          <table class="staff">
            <thead>
              <tr>
                <th scope="col">{t('staff.admin.merchant')}</th>
                <th scope="col">{t('inspection.staff.name')}</th>
                <th scope="col">{t('staff.cert.column')}</th>
                <th scope="col">{t('staff.cert.date')}</th>
                <th scope="col">{t('inspection.staff.change')}</th>
              </tr>
            </thead>
            <tbody>
              {props.waiting.map((s) => {
                const action = `/admin/staff/${encodeURIComponent(s.id)}/verify`
                const error =
                  props.refusedRow?.staffId === s.id ? props.refusedRow.error : undefined
                return (
                  <tr id={`verify-${s.id}`}>
                    <td>{merchantName(s.merchantId)}</td>
                    <th scope="row">{s.name}</th>
                    <td>
                      <CertificateStatus staff={s} today={props.today} />
                      {!s.certScanKey && <span class="hint"> {t('staff.admin.noScan')}</span>}
                    </td>
                    <td>{s.certDate}</td>
                    <td>
                      <form method="post" action={action} class="inline-form">
                        <CsrfField />
                        <input type="hidden" name="verified" value="true" />
                        <button type="submit" class="button button--primary">
                          {t('staff.admin.verify')}
                          <span class="visually-hidden"> ({s.name})</span>
                        </button>
                      </form>
                      <form method="post" action={action} class="stack">
                        <CsrfField />
                        <input type="hidden" name="verified" value="false" />
                        <label for={`reason-${s.id}`}>{t('staff.admin.reason')}</label>
                        <input
                          id={`reason-${s.id}`}
                          name="reason"
                          type="text"
                          maxlength={300}
                          aria-invalid={error ? 'true' : undefined}
                          aria-describedby={error ? `reason-${s.id}-error` : undefined}
                        />
                        {error && (
                          <p id={`reason-${s.id}-error`} class="field__error" role="alert">
                            {error}
                          </p>
                        )}
                        <button type="submit" class="button">
                          {t('staff.admin.reject')}
                          <span class="visually-hidden"> ({s.name})</span>
                        </button>
                      </form>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        )}
      </section>
    </>
  )
}
