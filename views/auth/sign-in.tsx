import { CsrfField } from '../components/csrf-field'
import { TextField } from '../components/form-field'
import { usePage } from '../context'

export interface SignInFormProps {
  email?: string
  next?: string
  errors?: Partial<Record<'email' | 'password', string>>
  /** A message about the attempt as a whole (wrong password, throttled). */
  failure?: string
}

export function SignInPage(props: SignInFormProps) {
  const { t } = usePage()
  return (
    <section class="card card--narrow">
      <h1>{t('signIn.title')}</h1>
      {props.failure && (
        <p class="alert alert--error" role="alert">
          {props.failure}
        </p>
      )}
      <form method="post" action="/login" class="stack" novalidate>
        <CsrfField />
        {props.next && <input type="hidden" name="next" value={props.next} />}
        <TextField
          announce
          name="email"
          type="email"
          label={t('signIn.email')}
          value={props.email}
          error={props.errors?.email}
          autocomplete="username"
          required
        />
        <TextField
          announce
          name="password"
          type="password"
          label={t('signIn.password')}
          error={props.errors?.password}
          autocomplete="current-password"
          required
        />
        <button type="submit" class="button button--primary">
          {t('signIn.submit')}
        </button>
      </form>
      <p class="hint">{t('signIn.demoHint', { password: 'nestwork-demo' })}</p>
    </section>
  )
}
