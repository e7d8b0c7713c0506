import { passwordPolicy } from '../../src/auth/schemas'
import { CsrfField } from '../components/csrf-field'
import { TextField } from '../components/form-field'
import { usePage } from '../context'
import { Notice } from '../components/notice'

export type PasswordFormErrors = Partial<
  Record<'currentPassword' | 'newPassword' | 'repeatPassword', string>
>

type PasswordField = keyof PasswordFormErrors

/** The three password fields: name, catalogue key under `account.password.`, autocomplete. */
const fields = [
  ['currentPassword', 'current', 'current-password'],
  ['newPassword', 'new', 'new-password'],
  ['repeatPassword', 'repeat', 'new-password'],
] as const satisfies readonly (readonly [PasswordField, string, string])[]

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
      {fields.map(([name, label, autocomplete]) => (
        <TextField
          announce
          name={name}
          type="password"
          label={t(`account.password.${label}`)}
          error={errors[name]}
          autocomplete={autocomplete}
          required
        />
      ))}
      <button type="submit" class="button button--primary">
        {t('account.password.submit')}
      </button>
    </form>
  )
}
