import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser, gql, tokenFor } from '../helpers/http'
import { bringToHub, registerReturnFor } from '../helpers/returns'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

const THROUGHPUT = `query ($date: Date!) {
  hubThroughput(hubId: "hub_1", date: $date) {
    hourly { hour received } lanes { code count }
    dwell { inspectedToResolvedP50 }
  }
}`

describe("the hub page's floor", () => {
  it.each([
    ['en', 'Today on the floor', '2 received today of a daily capacity of'],
    ['zh-CN', '今日现场', '今日已入库 2 件'],
  ])(
    'shows today’s receipts per Shanghai hour, the backlog and the lanes, as hubThroughput does (%s)',
    async (locale, title, line) => {
      t.setNow(new Date('2026-11-25T01:30:00Z')) // 09:30 in Shanghai
      await bringToHub(t, (await registerReturnFor(t, 1)).code)
      t.setNow(new Date('2026-11-25T03:10:00Z')) // 11:10
      await bringToHub(t, (await registerReturnFor(t, 1)).code)

      const hub = await tokenFor(t, 'hub1@nestwork.demo')
      const api = (await gql(t, THROUGHPUT, { date: '2026-11-25' }, hub)).data!.hubThroughput
      const busy = api.hourly.filter((h: { received: number }) => h.received > 0)
      expect(busy).toEqual([
        { hour: 9, received: 1 },
        { hour: 11, received: 1 },
      ])
      expect(api.lanes).toHaveLength(1)
      expect(api.lanes[0].count).toBe(2)
      expect(api.dwell.inspectedToResolvedP50).toBeNull()

      const browser = new Browser(t)
      await browser.signIn('hub1@nestwork.demo')
      await browser.post('/locale', { locale, next: '/' })
      const html = await (await browser.get('/hub')).text()
      const floor = html.split('id="hub-floor"')[1]!.split('</section>')[0]!
      expect(html).toContain(title)
      expect(floor).toContain(line)
      // 09:00 to 11:00: the working hours shown, the quiet hour between included.
      expect(floor.match(/data-hour="\d+"/g)).toEqual([
        'data-hour="9"',
        'data-hour="10"',
        'data-hour="11"',
      ])
      expect(floor).toContain('data-backlog="AT_HUB">2<')
      expect(floor).toContain(`data-lane-count="${api.lanes[0].code}">2<`)
    },
  )
})
