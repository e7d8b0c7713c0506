import { categories } from '../../db/schema'
import { CsrfField } from '../components/csrf-field'
import { SelectField, TextField } from '../components/form-field'
import { Notice } from '../components/notice'
import { usePage } from '../context'

export interface JoinPageProps {
  errors?: Record<string, string>
  sent?: Record<string, string>
  /** A refusal of the whole form (too many applications). */
  failure?: string
  done?: boolean
}

/** The public application to join the alliance. */
export function JoinPage(props: JoinPageProps) {
  const { t } = usePage()
  const errors = props.errors ?? {}
  const sent = props.sent ?? {}
  const text = (name: string, label: string, type: 'text' | 'email' = 'text') => (
    <TextField
      announce
      name={name}
      type={type}
      label={t(label as 'join.shopName')}
      value={sent[name]}
      error={errors[name]}
      required
    />
  )
  return (
    <section class="card card--narrow stack">
      <h1>{t('join.title')}</h1>
      {props.done && <Notice tone="ok" text={t('join.thanks')} />}
      {props.failure && <Notice tone="error" text={props.failure} />}
      <p>{t('join.intro')}</p>
      <form method="post" action="/join" class="stack" novalidate>
        <CsrfField />
        {text('shopName', 'join.shopName')}
        <SelectField
          name="category"
          label={t('join.category')}
          value={sent.category}
          error={errors.category}
          placeholder={t('join.choose')}
          options={categories.map((c) => ({ value: c, label: t(`category.${c}`) }))}
          required
        />
        {text('region', 'join.region')}
        {text('contact', 'join.contact')}
        {text('shopUrl', 'join.shopUrl')}
        <button type="submit" class="button button--primary">
          {t('join.submit')}
        </button>
      </form>
    </section>
  )
}
