import { CsrfField } from '../components/csrf-field'
import { Notice, type NoticeData } from '../components/notice'
import { usePage } from '../context'
import type { PreferenceView } from '../../src/notifications/service'

/** One kind's row; the same component answers its switch's swap. */
export function PreferenceRow({ p }: { p: PreferenceView }) {
  const { t } = usePage()
  const id = `pref-${p.kind}`
  return (
    <tr id={id}>
      <th scope="row">{t(`notifications.kind.${p.kind}`)}</th>
      <td>{t(p.enabled ? 'notifications.preferences.on' : 'notifications.preferences.off')}</td>
      <td>
        <form
          method="post"
          action="/notifications/preferences"
          hx-post="/notifications/preferences"
          hx-target={`#${id}`}
          hx-swap="outerHTML"
        >
          <CsrfField />
          <input type="hidden" name="kind" value={p.kind} />
          <input type="hidden" name="enabled" value={p.enabled ? 'false' : 'true'} />
          <button type="submit" class="button">
            {t(
              p.enabled ? 'notifications.preferences.turnOff' : 'notifications.preferences.turnOn',
            )}
          </button>
        </form>
      </td>
    </tr>
  )
}

/** Every kind, on or off, each with its own switch. */
export function PreferencesPage({
  prefs,
  notice,
}: {
  prefs: PreferenceView[]
  notice?: NoticeData
}) {
  const { t } = usePage()
  return (
    <section class="card">
      <h1>{t('notifications.preferences.title')}</h1>
      <p class="lead">{t('notifications.preferences.lead')}</p>
      {notice ? <Notice tone={notice.tone} text={notice.text} /> : null}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('notifications.preferences.kind')}</th>
            <th scope="col">{t('notifications.preferences.state')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('notifications.preferences.turnOn')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {prefs.map((p) => (
            <PreferenceRow p={p} />
          ))}
        </tbody>
      </table>
      <p>
        <a href="/notifications">{t('notifications.back')}</a>
      </p>
    </section>
  )
}
