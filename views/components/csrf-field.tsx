import { usePage } from '../context'

/** The hidden CSRF token every form posts back. */
export function CsrfField() {
  const { csrfToken } = usePage()
  return <input type="hidden" name="_csrf" value={csrfToken} />
}
