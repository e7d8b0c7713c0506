import type { UserSessionsRow } from '../../src/auth/sessions'
import { CsrfField } from '../components/csrf-field'
import { usePage } from '../context'
import { UserAccessActions } from './user-access-actions'
import { Notice } from '../components/notice'
import { formatCount, formatInstant } from '../components/format'
import type { LinkView } from '../../src/auth/access-links'
import { InviteForm, PendingInvitations, type InviteFormProps } from './invite-form'

/**
 * Coordinators: every user of the alliance with live sessions and a way to end them, inviting
 * new users, and the invitations still pending.
 */
export function UsersPage(props: {
  users: UserSessionsRow[]
  notice?: string
  /** A refusal of an action on a user's row. */
  failure?: string
  invite: InviteFormProps
  pending: LinkView[]
  /** A reset link just created, shown this once, with the name of its user. */
  reset?: { name: string; link: LinkView }
}) {
  const { t, locale } = usePage()
  return (
    <section class="card stack">
      <h1>{t('users.title')}</h1>
      {props.notice && <Notice tone="ok" text={props.notice} />}
      {props.failure && <Notice tone="error" text={props.failure} />}
      {props.reset && (
        <div class="notice notice--ok" role="status">
          <p>
            {t('users.resetCreated', {
              name: props.reset.name,
              expiresAt: formatInstant(props.reset.link.expiresAt, locale),
            })}
          </p>
          <p>
            <code class="invite-link">{props.reset.link.url}</code>
          </p>
        </div>
      )}
      <p class="hint">{t('users.intro')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('users.col.name')}</th>
            <th scope="col">{t('users.col.email')}</th>
            <th scope="col">{t('users.col.role')}</th>
            <th scope="col">{t('users.col.status')}</th>
            <th scope="col" class="num">
              {t('users.col.sessions')}
            </th>
            <th scope="col">{t('users.col.action')}</th>
          </tr>
        </thead>
        <tbody>
          {props.users.map((u) => (
            <tr>
              <td>{u.displayName}</td>
              <td>{u.email}</td>
              <td>{t(`role.${u.role}`)}</td>
              <td>{t(u.active ? 'users.status.active' : 'users.status.inactive')}</td>
              <td class="num">{formatCount(u.liveSessions, locale)}</td>
              <td class="actions">
                {u.liveSessions > 0 && (
                  <form method="post" action={`/admin/users/${u.id}/revoke-sessions`}>
                    <CsrfField />
                    <button type="submit" class="button">
                      {t('users.revoke', { name: u.displayName })}
                    </button>
                  </form>
                )}
                <UserAccessActions user={u} base="/admin/users" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <InviteForm {...props.invite} />
      <PendingInvitations pending={props.pending} revokeBase="/admin/users/invitations" showRole />
    </section>
  )
}
