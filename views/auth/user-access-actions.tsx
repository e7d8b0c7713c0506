import type { UserSessionsRow } from '../../src/auth/sessions'
import { CsrfField } from '../components/csrf-field'
import { usePage } from '../context'

/**
 * What may be done to another person's access, posted to `${base}/<user id>/…`: a one-time reset
 * link while the account is active, and deactivating or reactivating it. Nothing for oneself.
 */
export function UserAccessActions(props: { user: UserSessionsRow; base: string }) {
  const { t, actor } = usePage()
  const u = props.user
  if (u.id === actor?.userId) return null
  return (
    <>
      {u.active && (
        <form method="post" action={`${props.base}/${u.id}/reset-link`}>
          <CsrfField />
          <button type="submit" class="button">
            {t('users.resetLink', { name: u.displayName })}
          </button>
        </form>
      )}
      <form method="post" action={`${props.base}/${u.id}/active`}>
        <CsrfField />
        <input type="hidden" name="active" value={u.active ? 'false' : 'true'} />
        <button type="submit" class="button">
          {t(u.active ? 'users.deactivate' : 'users.activate', { name: u.displayName })}
        </button>
      </form>
    </>
  )
}
