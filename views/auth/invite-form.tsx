import { roles } from '../../db/schema'
import type { LinkView } from '../../src/auth/access-links'
import { CsrfField } from '../components/csrf-field'
import { SelectField, TextField } from '../components/form-field'
import { formatInstant } from '../components/format'
import { Notice } from '../components/notice'
import { usePage } from '../context'

export interface Option {
  value: string
  label: string
}

export interface InviteFormProps {
  merchants: Option[]
  stations: Option[]
  hubs: Option[]
  /** The invitation just created, with the link shown this once. */
  created?: LinkView
  errors?: Record<string, string>
  sent?: Record<string, string>
  /** A refusal of the invitation as a whole (an email that has an account). */
  failure?: string
}

/** A coordinator invites someone: email, role and the organisation the role needs. */
export function InviteForm(props: InviteFormProps) {
  const { t, locale } = usePage()
  const sent = props.sent ?? {}
  const errors = props.errors ?? {}
  const none = t('users.invite.none')
  return (
    <form id="invite-form" method="post" action="/admin/users/invite" class="stack" novalidate>
      <h2>{t('users.invite.title')}</h2>
      {props.created && (
        <div class="notice notice--ok" role="status">
          <p>
            {t('users.invite.created', {
              email: props.created.email,
              expiresAt: formatInstant(props.created.expiresAt, locale),
            })}
          </p>
          <p>
            <code class="invite-link">{props.created.url}</code>
          </p>
        </div>
      )}
      {props.failure && <Notice tone="error" text={props.failure} />}
      <p class="hint">{t('users.invite.hint')}</p>
      <CsrfField />
      <TextField
        announce
        name="email"
        type="email"
        label={t('users.invite.email')}
        value={sent.email}
        error={errors.email}
        autocomplete="off"
        required
      />
      <SelectField
        name="role"
        label={t('users.invite.role')}
        value={sent.role}
        error={errors.role}
        options={roles.map((role) => ({ value: role, label: t(`role.${role}`) }))}
        required
      />
      <SelectField
        name="merchantId"
        label={t('users.invite.merchant')}
        value={sent.merchantId}
        error={errors.merchantId}
        placeholder={none}
        options={props.merchants}
      />
      <SelectField
        name="stationId"
        label={t('users.invite.station')}
        value={sent.stationId}
        error={errors.stationId}
        placeholder={none}
        options={props.stations}
      />
      <SelectField
        name="hubId"
        label={t('users.invite.hub')}
        value={sent.hubId}
        error={errors.hubId}
        placeholder={none}
        options={props.hubs}
      />
      <button type="submit" class="button button--primary">
        {t('users.invite.submit')}
      </button>
    </form>
  )
}

/**
 * Invitations still waiting, each withdrawable at `${revokeBase}/<id>/revoke`; the role column
 * only where invitations may be for different roles (the coordinator's page).
 */
export function PendingInvitations(props: {
  pending: LinkView[]
  revokeBase: string
  showRole: boolean
}) {
  const { t, locale } = usePage()
  return (
    <>
      <h2>{t('users.pending.title')}</h2>
      {props.pending.length === 0 ? (
        <p>{t('users.pending.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('users.col.email')}</th>
              {props.showRole && <th scope="col">{t('users.col.role')}</th>}
              <th scope="col">{t('users.col.expires')}</th>
              <th scope="col">{t('users.col.action')}</th>
            </tr>
          </thead>
          <tbody>
            {props.pending.map((p) => (
              <tr>
                <td>{p.email}</td>
                {props.showRole && <td>{t(`role.${p.role}`)}</td>}
                <td>{formatInstant(p.expiresAt, locale)}</td>
                <td>
                  <form method="post" action={`${props.revokeBase}/${p.id}/revoke`}>
                    <CsrfField />
                    <button type="submit" class="button">
                      {t('users.pending.revoke', { email: p.email })}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
