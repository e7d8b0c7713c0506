/**
 * The audit log page for coordinators (`/admin/audit`): a GET form of filters and the entries
 * newest first with an "older" link. Without JavaScript both are plain links; with htmx the
 * results section swaps itself, rendered by the same component.
 */
import { Hono } from 'hono'
import {
  AuditPage,
  AuditResults,
  type AuditFilterValues,
  type AuditPageProps,
} from '../../views/audit/audit-page'
import { requireRole } from '../auth/roles'
import { fragment, isHtmx } from '../http/fragments'
import { fieldLabel, issueText } from '../http/refusal-copy'
import type { AppEnv } from '../http/types'
import { auditActions, browseAudit } from './browse'
import { auditFilterSchema } from './schemas'

export const auditRoutes = new Hono<AppEnv>()

auditRoutes.get('/admin/audit', async (c) => {
  const { db } = c.get('deps')
  const actor = requireRole(c.get('actor'), 'COORDINATOR')
  const query = c.req.query()
  const filters: AuditFilterValues = {
    action: query.action ?? '',
    entityId: query.entityId ?? '',
    actor: query.actor ?? '',
    person: query.person ?? '',
    from: query.from ?? '',
    to: query.to ?? '',
    first: query.first,
  }
  const parsed = auditFilterSchema.safeParse({ ...filters, after: query.after ?? '' })
  const issue = parsed.success ? undefined : parsed.error.issues[0]
  const lang = { t: c.get('t'), locale: c.get('locale') }
  const field = issue ? issue.path.map(String).join('.') : ''
  const props: AuditPageProps = {
    filters,
    actions: await auditActions(db, actor),
    result: parsed.success
      ? await browseAudit(db, actor, parsed.data)
      : { entries: [], olderCursor: null },
    paged: parsed.success && parsed.data.after !== undefined,
    error: issue
      ? c.get('t')('audit.filter.invalid', {
          field: fieldLabel(lang, field) ?? field,
          message: issueText(lang, issue),
        })
      : undefined,
  }
  c.status(parsed.success ? 200 : 400)
  if (isHtmx(c)) return fragment(c, <AuditResults {...props} />)
  return c.render(<AuditPage {...props} />, { title: c.get('t')('audit.title') })
})
