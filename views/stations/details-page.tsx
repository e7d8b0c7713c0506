import type { Station } from '../../src/network/service'
import { CsrfField } from '../components/csrf-field'
import { usePage } from '../context'
import { Notice } from '../components/notice'
import { ClosedDaysField } from './closed-days-field'
import { ServicesField } from './services-field'
import { TextField } from '../components/form-field'

export interface StationDetailsPageProps {
  station: Station
  values: { openingHours: string; services: string[]; phone: string; closedDays: string[] }
  errors?: { openingHours?: string; services?: string; phone?: string; closedDays?: string }
  saved?: boolean
}

/** A station operator's own opening hours and services. */
export function StationDetailsPage({
  station,
  values,
  errors = {},
  saved,
}: StationDetailsPageProps) {
  const { t } = usePage()
  return (
    <>
      <h1>{t('stationDetails.title')}</h1>
      <p class="lead">
        {station.name} · {station.storeName}
      </p>
      <p class="hint">{t('stationDetails.lead')}</p>
      {saved && <Notice tone="ok" text={t('stationDetails.saved')} />}
      {Object.keys(errors).length > 0 && <Notice tone="error" text={t('stationAdmin.invalid')} />}
      <form method="post" action="/station/details" class="card stack station-details" novalidate>
        <CsrfField />
        <TextField
          name="openingHours"
          label={t('stationForm.openingHours')}
          value={values.openingHours}
          error={errors.openingHours}
          hint={t('stationForm.openingHoursHint')}
          required
        />
        <ClosedDaysField selected={values.closedDays} error={errors.closedDays} />
        <ServicesField selected={values.services} error={errors.services} />
        <TextField
          name="phone"
          type="tel"
          autocomplete="tel"
          label={t('stationForm.phone')}
          value={values.phone}
          error={errors.phone}
          hint={t('stationForm.phoneHint')}
        />
        <p>
          <button type="submit" class="button button--primary">
            {t('stationDetails.save')}
          </button>
        </p>
      </form>
    </>
  )
}
