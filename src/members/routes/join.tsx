/** The public page a shop applies on. */
import { Hono } from 'hono'
import { JoinPage } from '../../../views/members/join-page'
import { form } from '../../http/form'
import { refusalText } from '../../http/refusal-copy'
import { attempt, refused } from '../../http/respond'
import type { AppEnv } from '../../http/types'
import { applicationSchema } from '../schemas'
import { applyForMembership } from '../service'

export const joinRoutes = new Hono<AppEnv>()

joinRoutes.get('/join', (c) =>
  c.render(<JoinPage done={c.req.query('done') === '1'} />, { title: c.get('t')('join.title') }),
)

joinRoutes.post(
  '/join',
  form(applicationSchema, (c, { fields, sent }) =>
    c.render(<JoinPage errors={fields} sent={sent} />, { title: c.get('t')('join.title') }),
  ),
  async (c) => {
    const { deps } = c.var
    const input = c.req.valid('form')
    const outcome = await attempt(
      applyForMembership(deps.db, c.get('actor'), input, { ip: deps.clientIp(c), now: deps.now() }),
      ['RATE_LIMITED'],
    )
    if (!outcome.ok) {
      const failure = refusalText({ t: c.get('t'), locale: c.get('locale') }, outcome.error)
      const page = <JoinPage failure={failure} sent={input} />
      return refused(c, outcome.error, {
        fragment: () => page,
        page: () => c.render(page, { title: c.get('t')('join.title') }),
      })
    }
    return c.redirect('/join?done=1', 303)
  },
)
