import { describe, expect, it } from 'vitest'
import { translator } from '../../src/i18n'
import { createTestApp } from '../helpers/app'

describe('the landing page for visitors', () => {
  it.each(['en', 'zh-CN'] as const)(
    'offers tracking a return, finding a station and a tour of the demo accounts (%s)',
    async (locale) => {
      const t = await createTestApp()
      const say = translator(locale)
      const res = await t.app.request('/', { headers: { 'accept-language': locale } })
      expect(res.status).toBe(200)
      const html = await res.text()
      expect(html).toContain('href="/track"')
      expect(html).toContain('href="/stations"')
      expect(html).toContain(say('landing.track.action'))
      expect(html).toContain(say('landing.stations.action'))
      expect(html).toContain(say('landing.tour.title'))
      for (const email of [
        'merchant1@nestwork.demo',
        'station1@nestwork.demo',
        'hub1@nestwork.demo',
        'coordinator@nestwork.demo',
      ]) {
        expect(html).toContain(email)
      }
      for (const role of ['MERCHANT', 'STATION_OPERATOR', 'HUB_OPERATOR', 'COORDINATOR'] as const) {
        expect(html).toContain(say(`landing.tour.${role}`).replace(/'/g, '&#39;'))
      }
      expect(html).toContain('nestwork-demo')
    },
  )

  it('names no demo account where the demo was not seeded', async () => {
    const t = await createTestApp({ seed: false })
    const html = await (await t.app.request('/')).text()
    expect(html).toContain('href="/track"')
    expect(html).not.toContain('@nestwork.demo')
    expect(html).not.toContain(translator('zh-CN')('landing.tour.title'))
  })
})
