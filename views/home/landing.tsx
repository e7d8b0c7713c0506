import { usePage } from '../context'

/** What a visitor who is not signed in sees first. */
export function Landing() {
  const { t } = usePage()
  return (
    <section class="card hero">
      <h1>{t('landing.title')}</h1>
      <p class="lead">{t('landing.lead')}</p>
      <p>
        <a class="button button--primary" href="/login">
          {t('nav.signIn')}
        </a>
      </p>
    </section>
  )
}
