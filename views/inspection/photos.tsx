import { photoUrl, type InspectionPhoto } from '../../src/inspection/photos'
import { CsrfField } from '../components/csrf-field'
import { usePage } from '../context'
import { formatDayTime } from '../components/format'

/** A return's inspection photos as thumbnails, each a link to the full photo. */
export function PhotoList(props: { photos: InspectionPhoto[] }) {
  const { t, locale } = usePage()
  if (props.photos.length === 0) return <p class="muted">{t('inspection.photos.none')}</p>
  return (
    <ul class="evidence">
      {props.photos.map((p, i) => (
        <li class="evidence__item">
          <a href={photoUrl(p)} class="evidence__link">
            <img
              src={photoUrl(p)}
              alt={t('inspection.photos.alt', { n: i + 1 })}
              class="evidence__thumb"
              loading="lazy"
            />
          </a>
          <span class="hint">
            <time datetime={p.createdAt}>{formatDayTime(p.createdAt, locale)}</time>
          </span>
        </li>
      ))}
    </ul>
  )
}

export interface PhotoUpload {
  /** How many more photos the return may have. */
  remaining: number
  maxMegabytes: number
  error?: string
}

/**
 * The photos and, while more may be added, a plain multipart form (no script needed) whose file
 * input opens the back camera on phones.
 */
export function PhotosSection(props: {
  returnId: string
  photos: InspectionPhoto[]
  add?: PhotoUpload
}) {
  const { t } = usePage()
  const id = 'photos-input'
  const error = props.add?.error
  return (
    <section class="card" id="photos" aria-labelledby="photos-title">
      <h2 id="photos-title">{t('inspection.photos.title')}</h2>
      <PhotoList photos={props.photos} />
      {props.add && (
        <form
          method="post"
          action={`/inspect/${encodeURIComponent(props.returnId)}/photos`}
          enctype="multipart/form-data"
          class="stack evidence-form"
        >
          <CsrfField />
          <div class={error ? 'field field--invalid' : 'field'}>
            <label for={id}>{t('inspection.photos.add')}</label>
            <input
              id={id}
              name="photos"
              type="file"
              multiple
              accept="image/jpeg,image/png,image/webp"
              capture="environment"
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
            />
            <p id={`${id}-hint`} class="hint field__hint">
              {t('inspection.photos.hint', {
                files: props.add.remaining,
                megabytes: props.add.maxMegabytes,
              })}
            </p>
            {error && (
              <p id={`${id}-error`} class="field__error">
                {error}
              </p>
            )}
          </div>
          <p>
            <button type="submit" class="button">
              {t('inspection.photos.upload')}
            </button>
          </p>
        </form>
      )}
    </section>
  )
}
