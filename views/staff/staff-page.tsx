import { countsAsCertified, scanLimits } from '../../src/staff/certification'
import type { Staff } from '../../src/staff/staff'
import { Notice, type NoticeData } from '../components/notice'
import { CsrfField } from '../components/csrf-field'
import { usePage } from '../context'
import { formatShare } from '../inspection/format'

export interface StaffPageProps {
  staff: Staff[]
  notice?: NoticeData
  /** The add form as sent, when it was refused. */
  form?: { name: string; certified: boolean; error?: string }
  /** The certificate form as sent, when it was refused. */
  certForm?: CertFormState
  /** Today (YYYY-MM-DD): what has expired. */
  today: string
}

export interface CertFormState {
  staffId: string
  number: string
  date: string
  error?: string
}

export const staffRowId = (id: string) => `staff-${id}`
export const staffShareId = 'staff-share'

/** The merchant's after-sales staff, their certification, and the certified share. */
export function StaffPage(props: StaffPageProps) {
  const { t } = usePage()
  const form = props.form
  return (
    <>
      <h1>{t('inspection.staff.title')}</h1>
      <p class="hint">{t('inspection.staff.lead')}</p>
      {props.notice && <Notice {...props.notice} />}
      <section class="card" aria-labelledby={staffShareId}>
        <CertifiedShare staff={props.staff} />
        {props.staff.length > 0 && (
          <p class="hint">
            {t('staff.verifiedShare', {
              verified: props.staff.filter((s) => countsAsCertified(s, props.today)).length,
            })}
          </p>
        )}
        {props.staff.length === 0 ? (
          <p class="muted">{t('inspection.staff.none')}</p>
        ) : (
          <table class="staff">
            <thead>
              <tr>
                <th scope="col">{t('inspection.staff.name')}</th>
                <th scope="col">{t('inspection.staff.certification')}</th>
                <th scope="col">{t('inspection.staff.change')}</th>
                <th scope="col">{t('staff.cert.column')}</th>
              </tr>
            </thead>
            <tbody>
              {props.staff.map((s) => (
                <StaffRow staff={s} today={props.today} />
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section class="card" aria-labelledby="staff-add">
        <h2 id="staff-add">{t('inspection.staff.add')}</h2>
        <form class="stack staff-form" method="post" action="/staff">
          <CsrfField />
          <div class={form?.error ? 'field field--invalid' : 'field'}>
            <label for="staff-name">{t('inspection.staff.name')}</label>
            <input
              id="staff-name"
              name="name"
              type="text"
              maxlength={60}
              required
              autocomplete="off"
              value={form?.name}
              aria-invalid={form?.error ? 'true' : undefined}
              aria-describedby={form?.error ? 'staff-name-error' : undefined}
            />
            {form?.error && (
              <p id="staff-name-error" class="field__error" role="alert">
                {form.error}
              </p>
            )}
          </div>
          <div class="field field--check">
            <input
              id="staff-certified"
              name="certified"
              type="checkbox"
              checked={form?.certified}
            />
            <label for="staff-certified">{t('inspection.staff.certifiedLabel')}</label>
          </div>
          <p>
            <button type="submit" class="button button--primary">
              {t('inspection.staff.addSubmit')}
            </button>
          </p>
        </form>
      </section>
      {props.staff.length > 0 && <CertificateForm staff={props.staff} state={props.certForm} />}
    </>
  )
}

/** The merchant submits a certificate, with its scan, for one of its staff. */
function CertificateForm({ staff, state }: { staff: Staff[]; state?: CertFormState }) {
  const { t } = usePage()
  return (
    <section class="card" aria-labelledby="staff-cert">
      <h2 id="staff-cert">{t('staff.cert.submitTitle')}</h2>
      <p class="hint">{t('staff.cert.submitLead')}</p>
      <form
        class="stack staff-form"
        method="post"
        action="/staff/certificates"
        enctype="multipart/form-data"
      >
        <CsrfField />
        {state?.error && (
          <p id="staff-cert-error" class="field__error" role="alert">
            {state.error}
          </p>
        )}
        <div class="field">
          <label for="cert-staff">{t('staff.cert.person')}</label>
          <select id="cert-staff" name="staffId" required>
            {staff.map((s) => (
              <option value={s.id} selected={state?.staffId === s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="cert-number">{t('staff.cert.number')}</label>
          <input
            id="cert-number"
            name="number"
            type="text"
            maxlength={60}
            required
            autocomplete="off"
            value={state?.number}
          />
        </div>
        <div class="field">
          <label for="cert-date">{t('staff.cert.date')}</label>
          <input id="cert-date" name="date" type="date" required value={state?.date} />
        </div>
        <div class="field">
          <label for="cert-scan">
            {t('staff.cert.scan', { megabytes: scanLimits.maxBytes / 1024 / 1024 })}
          </label>
          <input
            id="cert-scan"
            name="scan"
            type="file"
            required
            accept="image/jpeg,image/png,image/webp,application/pdf"
          />
        </div>
        <p>
          <button type="submit" class="button button--primary">
            {t('staff.cert.submit')}
          </button>
        </p>
      </form>
    </section>
  )
}

/** A certificate's state in words: waiting, verified until a day, expired, or turned down. */
export function CertificateStatus({ staff: s, today }: { staff: Staff; today: string }) {
  const { t } = usePage()
  if (s.certStatus === 'NONE') return <span class="muted">{t('staff.cert.none')}</span>
  const expired = !!s.certExpiresOn && s.certExpiresOn <= today
  return (
    <>
      <span class={s.certStatus === 'VERIFIED' && !expired ? 'badge badge--confirmed' : 'badge'}>
        {expired
          ? t('staff.cert.expired', { date: s.certExpiresOn! })
          : t(`staff.cert.${s.certStatus}`)}
      </span>{' '}
      <span class="hint">
        {s.certNumber}
        {!expired &&
          s.certExpiresOn &&
          ` · ${t('staff.cert.validUntil', { date: s.certExpiresOn })}`}
      </span>
      {s.certStatus === 'REJECTED' && s.certRejectReason && (
        <span class="hint"> {t('staff.cert.rejectedBecause', { reason: s.certRejectReason })}</span>
      )}
      {s.certScanKey && (
        <>
          {' '}
          <a href={`/staff/${encodeURIComponent(s.id)}/scan`}>{t('staff.cert.viewScan')}</a>
        </>
      )}
    </>
  )
}

/** `2 of 3 certified (67%)`; swapped out of band when a row changes. */
export function CertifiedShare({ staff, oob }: { staff: Staff[]; oob?: boolean }) {
  const { t, locale } = usePage()
  const certified = staff.filter((s) => s.certified).length
  return (
    <h2 id={staffShareId} hx-swap-oob={oob ? 'true' : undefined}>
      {staff.length === 0
        ? t('inspection.staff.shareNone')
        : t('inspection.staff.share', {
            certified,
            total: staff.length,
            percent: formatShare(certified / staff.length, locale)!,
          })}
    </h2>
  )
}

/** One staff member with a button that flips the certification (htmx swaps the row). */
export function StaffRow(props: { staff: Staff; today: string; notice?: NoticeData }) {
  const { staff: s, notice } = props
  const { t } = usePage()
  const action = `/staff/${encodeURIComponent(s.id)}/certification`
  return (
    <tr id={staffRowId(s.id)}>
      <th scope="row">{s.name}</th>
      <td>
        {s.certified ? (
          <span class="badge badge--confirmed">
            <span aria-hidden="true">✓ </span>
            {t('inspection.staff.isCertified')}
          </span>
        ) : (
          <span class="badge badge--cancelled">{t('inspection.staff.notCertified')}</span>
        )}
        {s.certified && s.certifiedOn && (
          <span class="hint"> {t('inspection.staff.since', { date: s.certifiedOn })}</span>
        )}
        {notice && <Notice {...notice} />}
      </td>
      <td>
        <form
          method="post"
          action={action}
          hx-post={action}
          hx-target={`#${staffRowId(s.id)}`}
          hx-swap="outerHTML"
          class="inline-form"
        >
          <CsrfField />
          <input type="hidden" name="certified" value={s.certified ? 'false' : 'true'} />
          <button type="submit" class="button">
            {s.certified ? t('inspection.staff.uncertify') : t('inspection.staff.certify')}
            <span class="visually-hidden"> ({s.name})</span>
          </button>
        </form>{' '}
        <form
          method="post"
          action={`/staff/${encodeURIComponent(s.id)}/remove`}
          class="inline-form"
        >
          <CsrfField />
          <button type="submit" class="button">
            {t('staff.remove')}
            <span class="visually-hidden"> ({s.name})</span>
          </button>
        </form>
      </td>
      <td>
        <CertificateStatus staff={s} today={props.today} />
      </td>
    </tr>
  )
}
