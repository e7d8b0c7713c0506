import { usePage } from '../context'
import { page } from './template'

/** The hidden CSRF token every form posts back (a template: the page frame has one or two). */
export function CsrfField() {
  const { csrfToken } = usePage()
  return page`<input type="hidden" name="_csrf" value="${csrfToken}"/>`
}
