import { apiScopes, type ApiScope } from '../../db/schema'
import type { ApiTokenView } from '../../src/api-tokens/service'
import { ConfirmStep } from '../components/confirm-step'
import { CsrfField } from '../components/csrf-field'
import { formatInstant } from '../components/format'
import { Notice, type NoticeData } from '../components/notice'
import { usePage } from '../context'

/** The create form as sent, when it was refused. */
export interface TokenFormState {
  name: string
  scopes: ApiScope[]
  errors: { name?: string; scopes?: string }
}

export interface ApiTokensProps {
  tokens: ApiTokenView[]
  notice?: NoticeData
  /** A token just created: its secret, shown this once. */
  created?: { name: string; token: string }
  form?: TokenFormState
}

export const apiTokensSectionId = 'api-tokens'
export const tokenRowId = (id: string) => `api-token-${id}`

/** The caller's API tokens: what was just created, the list, and the create form. */
export function ApiTokensPage(props: ApiTokensProps) {
  const { t, actor } = usePage()
  return (
    <>
      <h1>{t('apiTokens.title')}</h1>
      <p class="hint">{t('apiTokens.lead')}</p>
      {actor?.role === 'COORDINATOR' && <p class="hint">{t('apiTokens.coordinatorLead')}</p>}
      <ApiTokensSection {...props} />
    </>
  )
}

/** Everything below the heading; htmx swaps it whole after a token is created. */
export function ApiTokensSection(props: ApiTokensProps) {
  const { t } = usePage()
  return (
    <div id={apiTokensSectionId} class="stack">
      {props.notice && <Notice {...props.notice} />}
      {props.created && <CreatedToken {...props.created} />}
      <section class="card" aria-labelledby="api-tokens-list">
        <h2 id="api-tokens-list">{t('apiTokens.title')}</h2>
        {props.tokens.length === 0 ? (
          <p class="muted">{t('apiTokens.none')}</p>
        ) : (
          <table class="api-tokens">
            <thead>
              <tr>
                <th scope="col">{t('apiTokens.name')}</th>
                <th scope="col">{t('apiTokens.scopes')}</th>
                <th scope="col">{t('apiTokens.created')}</th>
                <th scope="col">{t('apiTokens.lastUsed')}</th>
                <th scope="col">{t('apiTokens.state')}</th>
              </tr>
            </thead>
            <tbody>
              {props.tokens.map((token) => (
                <ApiTokenRow token={token} />
              ))}
            </tbody>
          </table>
        )}
      </section>
      <CreateTokenForm state={props.form} />
    </div>
  )
}

/** The secret of a token just created, once, in a field that is easy to select and copy. */
function CreatedToken(props: { name: string; token: string }) {
  const { t } = usePage()
  return (
    <section class="card notice notice--ok" role="status" aria-labelledby="api-token-created">
      <h2 id="api-token-created">{t('apiTokens.created.title', { name: props.name })}</h2>
      <p>{t('apiTokens.created.copy')}</p>
      <div class="field">
        <label for="api-token-secret">{t('apiTokens.created.label')}</label>
        <input
          id="api-token-secret"
          type="text"
          readonly
          value={props.token}
          autocomplete="off"
          spellcheck={false}
          class="api-token-secret"
        />
      </div>
    </section>
  )
}

/** One token; live ones carry a revoke button that first asks (htmx swaps the row). */
export function ApiTokenRow(props: { token: ApiTokenView; notice?: NoticeData }) {
  const { t, locale } = usePage()
  const { token: k } = props
  const revoke = `/api-tokens/${encodeURIComponent(k.id)}/revoke`
  return (
    <tr id={tokenRowId(k.id)}>
      <th scope="row">{k.name}</th>
      <td>{k.scopes.map((s) => t(`apiTokens.scope.${s}`)).join('; ')}</td>
      <td>{formatInstant(k.createdAt, locale)}</td>
      <td>{k.lastUsedAt ? formatInstant(k.lastUsedAt, locale) : t('apiTokens.never')}</td>
      <td>
        {k.revokedAt ? (
          <span class="badge badge--cancelled">
            {t('apiTokens.revokedOn', { at: formatInstant(k.revokedAt, locale) })}
          </span>
        ) : (
          <>
            <span class="badge badge--confirmed">{t('apiTokens.active')}</span>{' '}
            <form
              method="post"
              action={revoke}
              hx-post={revoke}
              hx-target={`#${tokenRowId(k.id)}`}
              hx-swap="outerHTML"
              class="inline-form"
            >
              <CsrfField />
              <button type="submit" class="button">
                {t('apiTokens.revoke')}
                <span class="visually-hidden"> ({k.name})</span>
              </button>
            </form>
          </>
        )}
        {props.notice && <Notice {...props.notice} />}
      </td>
    </tr>
  )
}

/** The confirmation before revoking, in place of the token's row (htmx swaps the row). */
export function RevokeTokenRow({ token }: { token: ApiTokenView }) {
  return (
    <tr id={tokenRowId(token.id)}>
      <td colspan={5}>
        <RevokeConfirm token={token} />
      </td>
    </tr>
  )
}

/** The same confirmation as a page of its own, for a browser without JavaScript. */
export function RevokeTokenPage({ token }: { token: ApiTokenView }) {
  const { t } = usePage()
  return (
    <>
      <h1>{t('apiTokens.title')}</h1>
      <section class="card" id={tokenRowId(token.id)}>
        <RevokeConfirm token={token} />
      </section>
    </>
  )
}

function RevokeConfirm({ token: k }: { token: ApiTokenView }) {
  const { t } = usePage()
  return (
    <ConfirmStep
      id={`revoke-${k.id}`}
      title={t('apiTokens.confirm.title', { name: k.name })}
      lead={t('apiTokens.confirm.lead')}
      warning={t('apiTokens.confirm.warning')}
      action={`/api-tokens/${encodeURIComponent(k.id)}/revoke`}
      fields={{}}
      confirmLabel={t('apiTokens.confirm.submit')}
      backHref="/api-tokens"
      hxTarget={`#${tokenRowId(k.id)}`}
    />
  )
}

function CreateTokenForm({ state }: { state?: TokenFormState }) {
  const { t } = usePage()
  const ticked = new Set(state?.scopes ?? [])
  return (
    <section class="card" aria-labelledby="api-token-create">
      <h2 id="api-token-create">{t('apiTokens.createTitle')}</h2>
      <form
        class="stack"
        method="post"
        action="/api-tokens"
        hx-post="/api-tokens"
        hx-target={`#${apiTokensSectionId}`}
        hx-swap="outerHTML"
      >
        <CsrfField />
        <div class={state?.errors.name ? 'field field--invalid' : 'field'}>
          <label for="api-token-name">{t('apiTokens.name')}</label>
          <input
            id="api-token-name"
            name="name"
            type="text"
            maxlength={80}
            required
            autocomplete="off"
            value={state?.name}
            aria-invalid={state?.errors.name ? 'true' : undefined}
            aria-describedby={state?.errors.name ? 'api-token-name-error' : 'api-token-name-hint'}
          />
          <p id="api-token-name-hint" class="hint">
            {t('apiTokens.nameHint')}
          </p>
          {state?.errors.name && (
            <p id="api-token-name-error" class="field__error" role="alert">
              {state.errors.name}
            </p>
          )}
        </div>
        <fieldset class={state?.errors.scopes ? 'field field--invalid' : 'field'}>
          <legend>{t('apiTokens.scopesLegend')}</legend>
          {state?.errors.scopes && (
            <p class="field__error" role="alert">
              {state.errors.scopes}
            </p>
          )}
          {apiScopes.map((s) => (
            <div class="field field--check">
              <input
                id={`api-scope-${s}`}
                type="checkbox"
                name="scopes"
                value={s}
                checked={ticked.has(s)}
              />
              <label for={`api-scope-${s}`}>{t(`apiTokens.scope.${s}`)}</label>
            </div>
          ))}
        </fieldset>
        <p>
          <button type="submit" class="button button--primary">
            {t('apiTokens.create')}
          </button>
        </p>
      </form>
    </section>
  )
}
