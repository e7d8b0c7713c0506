import { passwordPolicy } from '../../src/auth/schemas'
import { CsrfField } from '../components/csrf-field'
import { TextField } from '../components/form-field'
import { Notice } from '../components/notice'
import { usePage } from '../context'

export interface SetPasswordProps {
  /** `/invite/<token>` or `/reset/<token>`: where the form posts. */
  action: string
  title: string
  intro: string
  submit: string
  errors?: Partial<Record<'password' | 'repeatPassword', string>>
  failure?: string
}

/** Choosing a password from a one-time link (accepting an invitation, or a reset). */
export function SetPasswordPage(props: SetPasswordProps) {
  const { t } = usePage()
  return (
    <section class="card card--narrow stack">
      <h1>{props.title}</h1>
      {props.failure && <Notice tone="error" text={props.failure} />}
      <p>{props.intro}</p>
      <form method="post" action={props.action} class="stack" novalidate>
        <CsrfField />
        <p class="hint">{t('link.passwordHint', { min: passwordPolicy.minLength })}</p>
        <TextField
          announce
          name="password"
          type="password"
          label={t('link.password')}
          error={props.errors?.password}
          autocomplete="new-password"
          required
        />
        <TextField
          announce
          name="repeatPassword"
          type="password"
          label={t('link.repeat')}
          error={props.errors?.repeatPassword}
          autocomplete="new-password"
          required
        />
        <button type="submit" class="button button--primary">
          {props.submit}
        </button>
      </form>
    </section>
  )
}

/** A link that is unknown, used, revoked or expired: why, and what to do. */
export function UnusableLinkPage(props: { reason: string }) {
  const { t } = usePage()
  return (
    <section class="card card--narrow stack">
      <h1>{t('link.unusable.title')}</h1>
      <Notice tone="error" text={props.reason} />
      <p>{t('link.unusable.hint')}</p>
    </section>
  )
}
