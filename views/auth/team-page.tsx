import type { LinkView } from '../../src/auth/access-links'
import type { UserSessionsRow } from '../../src/auth/sessions'
import { CsrfField } from '../components/csrf-field'
import { TextField } from '../components/form-field'
import { formatCount } from '../components/format'
import { Notice, type NoticeData } from '../components/notice'
import { usePage } from '../context'
import { UserAccessActions } from './user-access-actions'
import { PendingInvitations } from './invite-form'

export interface TeamPageProps {
  users: UserSessionsRow[]
  pending: LinkView[]
  notice?: NoticeData
  /** A link just created (an invitation or a reset), shown this once. */
  created?: { text: string; url: string }
  inviteError?: string
  sentEmail?: string
}

/** A merchant's users: its own colleagues, invitations, reset links and deactivation. */
export function TeamPage(props: TeamPageProps) {
  const { t, locale } = usePage()
  return (
    <section class="card stack">
      <h1>{t('team.title')}</h1>
      {props.notice && <Notice tone={props.notice.tone} text={props.notice.text} />}
      {props.created && (
        <div class="notice notice--ok" role="status">
          <p>{props.created.text}</p>
          <p>
            <code class="invite-link">{props.created.url}</code>
          </p>
        </div>
      )}
      <p class="hint">{t('team.intro')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('users.col.name')}</th>
            <th scope="col">{t('users.col.email')}</th>
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
              <td>{t(u.active ? 'users.status.active' : 'users.status.inactive')}</td>
              <td class="num">{formatCount(u.liveSessions, locale)}</td>
              <td class="actions">
                <UserAccessActions user={u} base="/team" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="post" action="/team/invite" class="stack" novalidate>
        <h2>{t('team.invite')}</h2>
        <p class="hint">{t('users.invite.hint')}</p>
        <CsrfField />
        <TextField
          announce
          name="email"
          type="email"
          label={t('users.invite.email')}
          value={props.sentEmail}
          error={props.inviteError}
          autocomplete="off"
          required
        />
        <button type="submit" class="button button--primary">
          {t('users.invite.submit')}
        </button>
      </form>
      <PendingInvitations pending={props.pending} revokeBase="/team/invitations" showRole={false} />
    </section>
  )
}
