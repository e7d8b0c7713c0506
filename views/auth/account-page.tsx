import type { SessionView } from '../../src/auth/sessions'
import { CsrfField } from '../components/csrf-field'
import { usePage } from '../context'
import { Notice } from '../components/notice'
import { PasswordForm, type PasswordFormErrors } from './password-form'
import { formatInstant } from '../components/format'

/** The signed-in user's own account: who they are and every live session, each revocable. */
export function AccountPage(props: {
  sessions: SessionView[]
  notice?: string
  passwordErrors?: PasswordFormErrors
}) {
  const { t, locale, actor } = usePage()
  if (!actor) return null
  return (
    <section class="card stack">
      <h1>{t('account.title')}</h1>
      {props.notice && <Notice tone="ok" text={props.notice} />}
      <p>
        {t('account.signedInAs', {
          name: actor.displayName,
          email: actor.email,
          role: t(`role.${actor.role}`),
        })}
      </p>
      <PasswordForm errors={props.passwordErrors} />
      <h2>{t('account.sessions')}</h2>
      <p class="hint">{t('account.sessionsHint')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('account.col.kind')}</th>
            <th scope="col">{t('account.col.since')}</th>
            <th scope="col">{t('account.col.until')}</th>
            <th scope="col">{t('account.col.action')}</th>
          </tr>
        </thead>
        <tbody>
          {props.sessions.map((s) => (
            <tr>
              <td>{t(`account.kind.${s.kind}`)}</td>
              <td>{formatInstant(s.createdAt, locale)}</td>
              <td>{formatInstant(s.expiresAt, locale)}</td>
              <td>
                {s.current ? (
                  <strong>{t('account.current')}</strong>
                ) : (
                  <form method="post" action={`/account/sessions/${s.id}/revoke`}>
                    <CsrfField />
                    <button type="submit" class="button">
                      {t('account.revoke')}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.sessions.length <= 1 && <p class="hint">{t('account.none')}</p>}
      <form method="post" action="/account/sign-out-everywhere" class="stack">
        <CsrfField />
        <p class="hint">{t('account.everywhereHint')}</p>
        <button type="submit" class="button button--danger">
          {t('account.everywhere')}
        </button>
      </form>
    </section>
  )
}
