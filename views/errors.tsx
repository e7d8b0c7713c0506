import { usePage } from './context'

interface ErrorPageProps {
  title: string
  body: string
  detail?: string
}

/** 4xx and 5xx pages, inside the normal layout so people can find their way back. */
export function ErrorPage({ title, body, detail }: ErrorPageProps) {
  const { t } = usePage()
  return (
    <section class="error-page">
      <h1>{title}</h1>
      <p>{body}</p>
      {detail && <p class="error-page__detail">{detail}</p>}
      <p>
        <a href="/">{t('error.back')}</a>
      </p>
    </section>
  )
}
