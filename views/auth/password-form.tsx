import { passwordPolicy } from '../../src/auth/schemas'
import { CsrfField } from '../components/csrf-field'
import { TextField } from '../components/form-field'
import { usePage } from '../context'
import { Notice } from '../components/notice'

export type PasswordFormErrors = Partial<
  Record<'currentPassword' | 'newPassword' | 'repeatPassword', string>
>

/**
 * Changing one's password on the account page: a plain form, swapped in place by htmx. Typed
 * passwords are never sent back into the page.
 */
export function PasswordForm(props: { errors?: PasswordFormErrors; notice?: string }) {
  const { t } = usePage()
  const errors = props.errors ?? {}
  return (
    <form
      id="password-form"
      method="post"
      action="/account/password"
      hx-post="/account/password"
      hx-target="this"
      hx-swap="outerHTML"
      class="stack"
      novalidate
    >
      <h2>{t('account.password.title')}</h2>
      {props.notice && <Notice tone="ok" text={props.notice} />}
      <p class="hint">{t('account.password.hint', { min: passwordPolicy.minLength })}</p>
      <CsrfField />
      <TextField
        announce
        name="currentPassword"
        type="password"
        label={t('account.password.current')}
        error={errors.currentPassword}
        autocomplete="current-password"
        required
      />
      <TextField
        announce
        name="newPassword"
        type="password"
        label={t('account.password.new')}
        error={errors.newPassword}
        autocomplete="new-password"
        required
      />
      <TextField
        announce
        name="repeatPassword"
        type="password"
        label={t('account.password.repeat')}
        error={errors.repeatPassword}
        autocomplete="new-password"
        required
      />
      <button type="submit" class="button button--primary">
        {t('account.password.submit')}
      </button>
    </form>
  )
}
