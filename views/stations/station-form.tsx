import type { StationFormValues, StationField } from '../../src/stations/form'
import { CsrfField } from '../components/csrf-field'
import { usePage } from '../context'
import { Notice } from '../components/notice'
import { ClosedDaysField } from './closed-days-field'
import { PointPicker, type PickerPlace } from './point-picker'
import { ServicesField } from './services-field'
import { TextField } from '../components/form-field'

export type FieldErrors = Partial<Record<StationField, string>>

export interface StationFormPageProps {
  /** Absent while creating. */
  station?: { id: string; name: string; active: boolean }
  values: StationFormValues
  errors?: FieldErrors
  place: PickerPlace
}

/** A coordinator's form for a new station or an existing one. */
export function StationFormPage({ station, values, errors = {}, place }: StationFormPageProps) {
  const { t } = usePage()
  const action = station ? `/admin/stations/${station.id}` : '/admin/stations'
  const field = (name: Exclude<StationField, 'services' | 'closedDays'>, extra: object = {}) => (
    <TextField
      name={name}
      label={t(`stationForm.${name}`)}
      value={values[name]}
      error={errors[name]}
      required
      {...extra}
    />
  )
  return (
    <>
      <p class="breadcrumb">
        <a href="/admin/stations">← {t('stationAdmin.back')}</a>
      </p>
      <h1>
        {station ? t('stationAdmin.editTitle', { name: station.name }) : t('stationAdmin.newTitle')}
      </h1>
      {station && !station.active && <Notice tone="warn" text={t('stationAdmin.inactiveNote')} />}
      {Object.keys(errors).length > 0 && <Notice tone="error" text={t('stationAdmin.invalid')} />}
      <form method="post" action={action} class="station-form" novalidate>
        <CsrfField />
        <fieldset class="card stack">
          <legend>{t('stationForm.place')}</legend>
          {field('name')}
          {field('storeName')}
          {field('openingHours', { hint: t('stationForm.openingHoursHint') })}
          <ClosedDaysField selected={values.closedDays} error={errors.closedDays} />
          <ServicesField selected={values.services} error={errors.services} />
          {field('phone', { required: false, type: 'tel', autocomplete: 'tel' })}
        </fieldset>
        <fieldset class="card stack">
          <legend>{t('stationForm.location')}</legend>
          {field('address', { autocomplete: 'street-address' })}
          <div class="field-row">
            {field('city')}
            {field('province')}
            {field('postcode', { required: false, inputmode: 'numeric', maxlength: 6 })}
          </div>
          {field('romanised', { required: false, hint: t('stationForm.romanisedHint') })}
          <div class="field-row">
            {field('lat', { inputmode: 'decimal' })}
            {field('lng', { inputmode: 'decimal' })}
          </div>
          <PointPicker place={place} />
        </fieldset>
        <fieldset class="card stack">
          <legend>{t('stationForm.terms')}</legend>
          <div class="field-row">
            {field('commission', { inputmode: 'decimal', hint: t('stationForm.commissionHint') })}
            {field('largeCommission', {
              inputmode: 'decimal',
              hint: t('stationForm.commissionHint'),
            })}
          </div>
        </fieldset>
        <button type="submit" class="button button--primary">
          {station ? t('stationForm.save') : t('stationForm.create')}
        </button>
      </form>
    </>
  )
}
