import { beforeEach, describe, expect, it } from 'vitest'
import { demoMerchants } from '../../db/seed/demo-data'
import {
  DOMINANCE_LIMIT,
  dimensions,
  MIN_K,
  starBands,
  thresholds,
} from '../../src/benchmarks/methodology'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser, gql, tokenFor } from '../helpers/http'
import { MIN_SAMPLE } from '../../src/benchmarks/methodology'
import { registerReturnFor } from '../helpers/returns'

// The test clock stands at 2026-11-25 10:00 in Shanghai: October 2026 has ended and can be
// published, November has not.
let t: TestApp
let coordinatorToken: string
beforeEach(async () => {
  t = await createTestApp()
  coordinatorToken = await tokenFor(t, 'coordinator@nestwork.demo')
})

const at = (iso: string) => t.setNow(new Date(iso))
const htmx = { 'hx-request': 'true' }

/**
 * October returns per merchant, one response each: merchant n answers its first return within
 * n × 40 minutes, so merchants 1–3 are on time (timeliness 100) and 4–6 are not (0).
 */
async function october(returnsPerMerchant: Record<number, number>) {
  for (const [n, count] of Object.entries(returnsPerMerchant)) {
    const m = await tokenFor(t, `merchant${n}@nestwork.demo`)
    // Each return asked for stands for a minimum sample, so the merchant's figures are scored.
    for (let i = 0; i < count * MIN_SAMPLE.TIMELINESS; i++) {
      at('2026-10-10T02:00:00Z')
      const r = await registerReturnFor(t, Number(n))
      at(new Date(Date.parse('2026-10-10T02:00:00Z') + Number(n) * 40 * 60_000).toISOString())
      await gql(t, `mutation { respondToReturn(id: "${r.id}", message: "收到") { id } }`, {}, m)
    }
  }
  at('2026-11-25T02:00:00Z')
}

/** A certificate submitted by the merchant and verified by a coordinator: only those count. */
async function verifiedCertificate(staffId: string, merchant: string) {
  for (const [query, token] of [
    [
      'mutation ($staffId: ID!) { submitCertification(staffId: $staffId, input: { number: "NW-1", date: "2026-10-01" }) { id } }',
      merchant,
    ],
    [
      'mutation ($staffId: ID!) { verifyCertification(staffId: $staffId, verified: true) { id } }',
      coordinatorToken,
    ],
  ] as const) {
    const res = await gql(t, query, { staffId }, token)
    if (res.errors) throw new Error(JSON.stringify(res.errors))
  }
}

/** Certified staff out of all staff, per merchant: the professionalism figure. */
async function staff(teams: Record<number, [certified: number, total: number]>) {
  for (const [n, [certified, total]] of Object.entries(teams)) {
    const m = await tokenFor(t, `merchant${n}@nestwork.demo`)
    for (let i = 0; i < total; i++) {
      const res = await gql(
        t,
        'mutation ($name: String!, $certified: Boolean) { addStaff(name: $name, certified: $certified) { id } }',
        { name: `员工${i}`, certified: i < certified },
        m,
      )
      if (res.errors) throw new Error(JSON.stringify(res.errors))
      if (i < certified) await verifiedCertificate(res.data!.addStaff.id, m)
    }
  }
}

/** Six balanced merchants with timeliness and professionalism figures; the other dimensions have none. */
async function balancedOctober() {
  await october({ 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1 })
  await staff({ 1: [2, 2], 2: [3, 5], 3: [1, 2], 4: [1, 2], 5: [0, 2], 6: [0, 2] })
}

async function publishByApi(month = '2026-10') {
  const res = await gql(
    t,
    `mutation { publishBenchmarks(month: "${month}") { month } }`,
    {},
    coordinatorToken,
  )
  if (res.errors) throw new Error(JSON.stringify(res.errors))
}

async function signedIn(email: string, locale: 'en' | 'zh-CN' = 'en') {
  const browser = new Browser(t)
  await browser.signIn(email)
  await browser.post('/locale', { locale, next: '/' })
  return browser
}

/** The element with this id, up to its closing tag (the sections here do not nest their own). */
function part(html: string, tag: string, id: string): string {
  const match = new RegExp(`<${tag}[^>]*id="${id}"[\\s\\S]*?</${tag}>`).exec(html)
  if (!match) throw new Error(`no <${tag} id="${id}">`)
  return match[0]
}

function dimensionsPart(html: string): string {
  const match = /<section class="dimensions"[\s\S]*?<\/section>/.exec(html)
  if (!match) throw new Error('no dimensions section')
  return match[0]
}

const words = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, ' ')

const REPORT = /* GraphQL */ `
  {
    benchmarks(month: "2026-10") {
      score
      stars
    }
  }
`

describe('the merchant’s score card', () => {
  it('shows the score, stars in words, a chart per dimension and the band', async () => {
    await balancedOctober()
    await publishByApi()
    const own = (await gql(t, REPORT, {}, await tokenFor(t, 'merchant2@nestwork.demo'))).data!
      .benchmarks as { score: number; stars: number }
    expect(own.stars).toBe(4)

    const browser = await signedIn('merchant2@nestwork.demo')
    // Without a month, the latest published one.
    const res = await browser.get('/benchmarks')
    expect(res.status).toBe(200)
    const html = await res.text()
    const card = words(part(html, 'section', 'scorecard'))
    expect(card).toContain('Your score card · October 2026')
    expect(card).toContain(`${own.score} of 100`)
    expect(card).toContain('4 of 5 stars')
    expect(card).toContain('Compared with: The whole alliance. 6 merchants had figures this month.')
    expect(html).toContain('aria-hidden="true">★★★★<span class="stars__off">☆</span>')

    const dims = dimensionsPart(html)
    for (const d of dimensions) {
      const article = part(dims, 'h3', `dim-${d.toLowerCase()}`)
      expect(article).toBeTruthy()
      expect(dims).toContain(`id="chart-${d.toLowerCase()}-title"`)
    }
    expect(dims.match(/<svg/g)!.length).toBe(4)
    expect(part(html, 'section', 'scorecard').match(/<svg/g)!.length).toBe(1) // overall

    const text = words(dims)
    // Timeliness: 3 of 6 on time, so quartiles 0 / 50 / 100; merchant 2 (100) is at the top edge.
    expect(text).toContain('Your figure: 100%. Your score: 100 of 100.')
    expect(text).toContain('Cohort: lower quartile 0, median 50, upper quartile 100.')
    expect(text).toContain('Above the middle: between the cohort’s median and its upper quartile.')
    // Professionalism: 3 of 5 certified, above the cohort's upper quartile.
    expect(text).toContain('Your figure: 60%. Your score: 66.7 of 100.')
    expect(text).toContain('In the top quarter: above the cohort’s upper quartile.')
    // Resolution and care: no member had figures, so they are withheld in words.
    expect(dims.match(/class="dimension__withheld"/g)!.length).toBe(2)
    expect(text).toContain(
      'Resolution Share of returns resolved within 24 hours of reaching the hub Withheld: fewer than 5 merchants had figures.',
    )
    expect(dims.match(/class="band-chart__withheld">No comparison this month</g)!.length).toBe(2)
    // Tips for every dimension.
    expect(text.match(/How to improve/g)!.length).toBe(4)
    expect(text).toContain('full marks when 75% of them are certified')

    // The chart is labelled for screen readers, and draws only quartiles and the member's mark.
    expect(dims).toContain(
      'Scale 0 to 100. The middle half of the cohort scores from 0 to 100; the median is 50. Your score is 100.',
    )
    expect(words(dims)).not.toMatch(/\b(min|max|minimum|maximum|lowest|highest)\b/i)

    // The trend: one published month so far, as a chart and as a table.
    const trend = part(html, 'section', 'trend')
    expect(trend).toContain('<svg')
    expect(words(trend)).toContain(`October 2026 ${own.score} 4 of 5 stars`)

    // Nothing of another member: no other name, no other score.
    for (const m of demoMerchants.filter((m) => m.id !== 'mer_02')) {
      expect(html).not.toContain(m.nameEn)
    }
  })

  it('renders in Chinese too', async () => {
    await balancedOctober()
    await publishByApi()
    const browser = await signedIn('merchant2@nestwork.demo', 'zh-CN')
    const html = await (await browser.get('/benchmarks?month=2026-10')).text()
    const text = words(html)
    expect(text).toContain('我的成绩单 · 2026年10月')
    expect(text).toContain('4 星（满分 5 星）')
    expect(text).toContain('处于前四分之一：高于同组的上四分位数。')
    expect(text).toContain('不予公布：有数据的商户少于 5 家。')
    expect(text).toContain('改进建议')
  })

  it('explains a withheld cohort in words and shows no numbers', async () => {
    await october({ 1: 1, 2: 1, 3: 1, 4: 1 })
    await publishByApi()
    const browser = await signedIn('merchant1@nestwork.demo')
    const html = await (await browser.get('/benchmarks?month=2026-10')).text()
    const card = part(html, 'section', 'scorecard')
    expect(card).toContain('data-reason="COHORT_TOO_SMALL"')
    expect(words(card)).toContain('Withheld: too few merchants')
    expect(words(card)).toContain('Fewer than 5 merchants in this cohort had figures this month.')
    const dims = dimensionsPart(html)
    for (const section of [card, dims]) {
      expect(section).not.toContain('<svg')
      expect(section).not.toMatch(/quartile|Your score:|of 5 stars|Your figure/)
    }
    // Apart from the month's name and the rule's k, not a single number.
    expect(words(card).replace('October 2026', '').replace('Fewer than 5', '')).not.toMatch(/\d/)
    // The dimensions keep their description and tips (with the rules' own numbers) only.
    expect(dims).not.toMatch(/band-chart|dimension__withheld|class="band"/)
    expect(words(dims).match(/How to improve/g)!.length).toBe(4)
    // The trend says the month is withheld, without numbers.
    const trend = words(part(html, 'section', 'trend'))
    expect(trend).toContain('Withheld')
    expect(trend.replace(/October 2026|Oct 26|\b0\b|\b50\b|\b100\b|\b6\b/g, '')).not.toMatch(/\d/)
  })

  it('explains a dominant contributor, an unpublished month and a too-small category', async () => {
    await october({ 1: 7, 2: 1, 3: 1, 4: 1, 5: 1 })
    await publishByApi()
    const browser = await signedIn('merchant2@nestwork.demo')
    const dominated = words(
      part(await (await browser.get('/benchmarks?month=2026-10')).text(), 'section', 'scorecard'),
    )
    expect(dominated).toContain('Withheld: one merchant dominates')
    expect(dominated).toContain('more than 60% of the volume')

    const notPublished = await (await browser.get('/benchmarks?month=2026-09')).text()
    expect(words(part(notPublished, 'section', 'scorecard'))).toContain(
      'September 2026 has not been published.',
    )

    const food = await (await browser.get('/benchmarks?month=2026-10&cohort=FOOD')).text()
    expect(food).toMatch(
      /<a href="\/benchmarks\?month=2026-10&amp;cohort=FOOD" aria-current="page">/,
    )
    // Merchants 1 and 5 are the only food merchants with figures.
    expect(words(part(food, 'section', 'scorecard'))).toContain('Withheld: too few merchants')

    expect((await browser.get('/benchmarks?month=2026-13')).status).toBe(400)
    expect((await browser.get('/benchmarks?cohort=PETS')).status).toBe(400)
  })

  it('switches between the alliance and a category, and between months', async () => {
    await balancedOctober()
    await publishByApi()
    const browser = await signedIn('merchant1@nestwork.demo')
    const html = await (await browser.get('/benchmarks?month=2026-10')).text()
    // Merchant 1 sells food: its category is marked; the only other food merchant with figures is
    // merchant 5, so the food cohort is withheld.
    expect(words(html)).toContain('Food merchants (your category)')
    expect(html).toContain('href="/benchmarks?month=2026-09" rel="prev"')
    expect(html).toContain('href="/benchmarks?month=2026-11" rel="next"')
    const food = await (await browser.get('/benchmarks?month=2026-10&cohort=FOOD')).text()
    expect(words(part(food, 'section', 'scorecard'))).toContain('Withheld: too few merchants')
    expect(food).toContain('href="/benchmarks?month=2026-09&amp;cohort=FOOD" rel="prev"')
    // Said plainly, with the alliance cohort offered instead.
    expect(words(part(food, 'section', 'scorecard'))).toContain(
      'Your category had 2 merchants with figures this month',
    )
    expect(part(food, 'section', 'scorecard')).toContain(
      '<a href="/benchmarks?month=2026-10">Compare with the whole alliance instead</a>',
    )
  })

  it('prints the sample behind each score, and no score from too few returns', async () => {
    await balancedOctober()
    // Merchant 7: three returns, short of the minimum sample.
    const m7 = await tokenFor(t, 'merchant7@nestwork.demo')
    for (let i = 0; i < 3; i++) {
      at('2026-10-10T02:00:00Z')
      const r = await registerReturnFor(t, 7)
      await gql(t, `mutation { respondToReturn(id: "${r.id}", message: "收到") { id } }`, {}, m7)
    }
    at('2026-11-25T02:00:00Z')
    await publishByApi()
    const scored = await signedIn('merchant1@nestwork.demo', 'zh-CN')
    const card = words(await (await scored.get('/benchmarks?month=2026-10')).text())
    expect(card).toContain('基于 10 件退货。')
    const few = await signedIn('merchant7@nestwork.demo', 'zh-CN')
    const fewCard = words(await (await few.get('/benchmarks?month=2026-10')).text())
    expect(fewCard).toContain('退货太少，暂不评分：本月 3 件，至少需要 10 件。')
  })
})

const FULL_REPORT = /* GraphQL */ `
  query ($category: Category) {
    benchmarks(month: "2026-10", category: $category) {
      suppressed
      score
      stars
      dimensions {
        name
        myValue
        myFigure
        myBand
        p25
        median
        p75
        suppressedReason
      }
    }
  }
`

describe('the score card and the benchmarks query agree', () => {
  it('withholds the member’s own score and values with a withheld cohort, on both', async () => {
    // Merchant 1 holds most of the volume: the cohort is withheld, though every member has figures.
    await october({ 1: 7, 2: 1, 3: 1, 4: 1, 5: 1 })
    await publishByApi()
    const api = (await gql(t, FULL_REPORT, {}, await tokenFor(t, 'merchant1@nestwork.demo'))).data!
      .benchmarks
    expect(api).toMatchObject({ suppressed: true, score: null, stars: null })
    for (const d of api.dimensions) {
      expect(d).toMatchObject({
        myValue: null,
        myFigure: null,
        myBand: null,
        p25: null,
        median: null,
        p75: null,
        suppressedReason: 'DOMINANT_CONTRIBUTOR',
      })
    }
    const html = await (
      await (await signedIn('merchant1@nestwork.demo')).get('/benchmarks?month=2026-10')
    ).text()
    const shown = words(part(html, 'section', 'scorecard') + dimensionsPart(html))
    expect(shown).not.toMatch(/Your score:|Your figure:|of 5 stars|of 100|quartile/)
  })

  it('shows the same own score, values and bands on the page as over the API when published', async () => {
    await balancedOctober()
    await publishByApi()
    const api = (await gql(t, FULL_REPORT, {}, await tokenFor(t, 'merchant2@nestwork.demo'))).data!
      .benchmarks
    expect(api.suppressed).toBe(false)
    const html = await (
      await (await signedIn('merchant2@nestwork.demo')).get('/benchmarks?month=2026-10')
    ).text()
    expect(words(part(html, 'section', 'scorecard'))).toContain(`${api.score} of 100`)
    expect(words(part(html, 'section', 'scorecard'))).toContain(`${api.stars} of 5 stars`)
    const dims = dimensionsPart(html)
    for (const d of api.dimensions) {
      const article = new RegExp(
        `<article[^>]*aria-labelledby="dim-${d.name.toLowerCase()}"[\\s\\S]*?</article>`,
      ).exec(dims)![0]
      const text = words(article)
      if (d.suppressedReason) {
        expect(d).toMatchObject({ myValue: null, myFigure: null, myBand: null })
        expect(text).not.toMatch(/Your score|Your figure/)
      } else {
        expect(text).toContain(`Your score: ${d.myValue} of 100.`)
        expect(text).toContain(`median ${d.median}`)
      }
    }
  })
})

describe('the return-credit opt-in', () => {
  it('explains what is shared and turns on and off, with and without htmx', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    const page = await (await browser.get('/benchmarks?month=2026-10')).text()
    const section = words(part(page, 'section', 'return-credit'))
    expect(section).toContain('a keyed hash of the customer’s contact')
    expect(section).toContain('a band only')
    expect(section).toContain('You do not take part')

    const on = await browser.post('/benchmarks/return-credit', {
      optIn: 'true',
      month: '2026-10',
      cohort: 'ALL',
    })
    expect(on.status).toBe(303)
    expect(on.headers.get('location')).toBe('/benchmarks?month=2026-10&credit=on')
    const after = await (await browser.get(on.headers.get('location')!)).text()
    expect(words(after)).toContain('You now take part in the return-credit signal.')
    expect(words(part(after, 'section', 'return-credit'))).toContain(
      'You take part: opted in since',
    )

    const off = await browser.post(
      '/benchmarks/return-credit',
      { optIn: 'false', month: '2026-10', cohort: 'FOOD' },
      htmx,
    )
    expect(off.status).toBe(200)
    const fragment = await off.text()
    expect(fragment).toMatch(/^<section class="card return-credit" id="return-credit"/)
    expect(words(fragment)).toContain('You have opted out')
    expect(fragment).toContain('name="cohort" value="FOOD"')
    const risk = await gql(
      t,
      'mutation { setReturnCreditOptIn(optIn: false) }',
      {},
      await tokenFor(t, 'merchant1@nestwork.demo'),
    )
    expect(risk.data).toEqual({ setReturnCreditOptIn: false })

    // Without the form's token it is refused.
    const forged = await browser.post('/benchmarks/return-credit', { optIn: 'true', _csrf: 'x' })
    expect(forged.status).toBe(403)
  })
})

describe('the coordinator', () => {
  it('publishes a finished month through the page and sees quartiles, never a merchant’s figures', async () => {
    await balancedOctober()
    const browser = await signedIn('coordinator@nestwork.demo')
    const list = await (await browser.get('/benchmarks/publish')).text()
    expect(words(list)).toContain('October 2026 Not published')
    expect(list).toContain('href="/benchmarks/publish?month=2026-10"')

    const confirm = await (await browser.get('/benchmarks/publish?month=2026-10')).text()
    expect(words(confirm)).toContain('Publish October 2026 for good?')
    expect(words(confirm)).toContain('fewer than 5 merchants')
    expect(confirm).toMatch(/<form method="post" action="\/benchmarks\/publish">/)
    expect(confirm).toContain('name="month" value="2026-10"')

    const published = await browser.post('/benchmarks/publish', { month: '2026-10' })
    expect(published.status).toBe(303)
    expect(published.headers.get('location')).toBe('/benchmarks?month=2026-10&published=1')
    const view = await (await browser.get(published.headers.get('location')!)).text()
    const text = words(view)
    expect(text).toContain('Published October 2026.')
    expect(text).toContain('with methodology version 2; cohorts needed at least 5 merchants')
    // The alliance cohort: timeliness quartiles 0 / 50 / 100 from 6 merchants.
    const alliance =
      /<section class="card cohort" aria-labelledby="cohort-ALL">[\s\S]*?<\/section>/.exec(view)![0]
    expect(words(alliance)).toMatch(/Timeliness 6 0 50 100/)
    expect(words(alliance)).toMatch(/Professionalism 6 11\.1 44\.4 61\.1/)
    expect(words(alliance)).toContain('Resolution Withheld: fewer than 5 merchants had figures.')
    // A category with too few merchants: every row withheld, no numbers.
    const toys =
      /<section class="card cohort" aria-labelledby="cohort-TOYS">[\s\S]*?<\/section>/.exec(
        view,
      )![0]
    expect(words(toys)).toContain('Withheld: too few merchants')
    expect(words(toys).replace(/October 2026|Fewer than 5/g, '')).not.toMatch(/\d/)
    // Nothing belongs to one merchant: no names, no own values, no mark.
    for (const m of demoMerchants) {
      expect(view).not.toContain(m.nameEn)
      expect(view).not.toContain(m.id)
    }
    expect(view).not.toMatch(/band-chart__mark|Your score|Your figure/)
    expect(words(view)).not.toMatch(/\b(min|max|minimum|maximum|lowest|highest)\b/i)

    // Publishing again is refused in words; so is a month that has not ended.
    const again = await browser.post('/benchmarks/publish', { month: '2026-10' })
    expect(again.status).toBe(409)
    expect(words(await again.text())).toContain(
      'Not published: October 2026 is already published, and published figures never change.',
    )
    const early = await browser.post('/benchmarks/publish', { month: '2026-11' })
    expect(early.status).toBe(400)
    expect(words(await early.text())).toContain('Not published: November 2026 has not ended yet.')
    expect((await browser.get('/benchmarks/publish?month=2026-11')).status).toBe(400)
    expect((await browser.get('/benchmarks/publish?month=2026-10')).status).toBe(409)
    const list2 = words(await (await browser.get('/benchmarks/publish')).text())
    expect(list2).toMatch(/October 2026 Published on Nov 25, 2026 View figures/)
  })

  it('sees refusals in Chinese, and an unpublished month with its publish button', async () => {
    const browser = await signedIn('coordinator@nestwork.demo', 'zh-CN')
    const unpublished = words(await (await browser.get('/benchmarks?month=2026-10')).text())
    expect(unpublished).toContain('2026年10月的对标数据尚未发布。')
    expect(unpublished).toContain('发布2026年10月…')
    const thisMonth = words(await (await browser.get('/benchmarks?month=2026-11')).text())
    expect(thisMonth).toContain('2026年11月尚未结束：自2026年12月起可以发布。')
    const early = await browser.post('/benchmarks/publish', { month: '2026-11' })
    expect(words(await early.text())).toContain('未发布：2026年11月尚未结束。')
    await browser.post('/benchmarks/publish', { month: '2026-10' })
    const again = await browser.post('/benchmarks/publish', { month: '2026-10' })
    expect(words(await again.text())).toContain(
      '未发布：2026年10月已经发布过，已发布的数据不会改变。',
    )
  })
})

describe('the methodology', () => {
  it('states the thresholds, star bands and privacy rules from methodology.ts', async () => {
    const visitor = new Browser(t)
    await visitor.get('/')
    await visitor.post('/locale', { locale: 'en', next: '/' })
    const res = await visitor.get('/benchmarks/methodology')
    expect(res.status).toBe(200)
    const html = await res.text()
    const pct = (v: number) =>
      new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 }).format(v)
    for (const d of dimensions) {
      const row = /<tr data-dimension="(\w+)">[\s\S]*?<\/tr>/g
      const mine = [...html.matchAll(row)].find((m) => m[1] === d)![0]
      const show = (v: number) => (d === 'CARE' ? `${v} stars` : pct(v))
      expect(mine).toContain(`data-threshold="zero">${show(thresholds[d].zero)}<`)
      expect(mine).toContain(`data-threshold="full">${show(thresholds[d].full)}<`)
    }
    const text = words(html)
    for (const b of starBands) {
      expect(text).toContain(`${b.min} or more`)
      expect(text).toContain(`${b.stars} of 5 stars`)
    }
    expect(text).toContain(`At least ${MIN_K} merchants with figures are needed`)
    expect(text).toContain(`more than ${pct(DOMINANCE_LIMIT)} of the volume`)
    expect(text).toContain('Methodology version 2.')
    expect(text).toContain('Only a month that has ended can be published, and only once.')
    expect(text).toContain('a keyed hash of the customer’s contact')
    expect(text).not.toContain('Your alliance currently requires')

    const merchant = await signedIn('merchant1@nestwork.demo')
    const signedInText = words(await (await merchant.get('/benchmarks/methodology')).text())
    expect(signedInText).toContain('Your alliance currently requires 5.')
  })
})

describe('who may see what', () => {
  it('refuses the benchmarks to station and hub operators, and publishing to merchants', async () => {
    await october({ 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1 })
    const station = await signedIn('station1@nestwork.demo')
    expect((await station.get('/benchmarks')).status).toBe(403)
    const hub = await signedIn('hub1@nestwork.demo')
    expect((await hub.get('/benchmarks')).status).toBe(403)

    const merchant = await signedIn('merchant1@nestwork.demo')
    expect((await merchant.get('/benchmarks/publish')).status).toBe(403)
    await merchant.get('/benchmarks')
    const attempt = await merchant.post('/benchmarks/publish', { month: '2026-10' })
    expect(attempt.status).toBe(403)
    const still = (await gql(t, REPORT.replace('score', 'reason'), {}, coordinatorToken)).data!
    expect(still).toEqual({ benchmarks: { reason: 'NOT_PUBLISHED', stars: null } })

    const coordinator = await signedIn('coordinator@nestwork.demo')
    expect((await coordinator.post('/benchmarks/return-credit', { optIn: 'true' })).status).toBe(
      403,
    )

    const anonymous = await new Browser(t).get('/benchmarks')
    expect(anonymous.status).toBe(302)
    expect(anonymous.headers.get('location')).toBe('/login?next=%2Fbenchmarks')
  })
})

describe('return-credit band on the return page', () => {
  it('shows the band to an opted-in merchant and an opt-in link to the others', async () => {
    const contact = { customerContact: '139 2222 3333' }
    const first = await registerReturnFor(t, 1, contact)
    const page = new Browser(t)
    await page.signIn('merchant1@nestwork.demo')
    await page.post('/locale', { locale: 'en', next: '/' })
    const before = await (await page.get(`/returns/${first.id}`)).text()
    expect(before).toContain('Not shown: opt in to the return-credit signal')

    for (const n of [1, 2, 3]) {
      await gql(
        t,
        'mutation { setReturnCreditOptIn(optIn: true) }',
        {},
        await tokenFor(t, `merchant${n}@nestwork.demo`),
      )
    }
    // Not handed in at a station yet: no band, in words.
    const waiting = await (await page.get(`/returns/${first.id}`)).text()
    expect(waiting).toContain('Available after check-in')
    expect(waiting).not.toContain('risk--')
    await page.post('/locale', { locale: 'zh-CN', next: '/' })
    expect(await (await page.get(`/returns/${first.id}`)).text()).toContain('驿站收件后可见')
    await page.post('/locale', { locale: 'en', next: '/' })

    const station = await tokenFor(t, 'station1@nestwork.demo')
    const checkIn = (code: string) =>
      gql(t, `mutation { checkInParcel(code: "${code}") { alreadyCheckedIn } }`, {}, station)
    await checkIn(first.code)
    expect(await (await page.get(`/returns/${first.id}`)).text()).toContain('>Normal<')
    for (const n of [2, 3]) await checkIn((await registerReturnFor(t, n, contact)).code)
    const elevated = await (await page.get(`/returns/${first.id}`)).text()
    expect(elevated).toContain('Elevated: 3+ returns in 90 days')
    expect(elevated).not.toContain('merchant2')

    const coordinator = new Browser(t)
    await coordinator.signIn('coordinator@nestwork.demo')
    const asCoordinator = await (await coordinator.get(`/returns/${first.id}`)).text()
    expect(asCoordinator).not.toContain('risk--')
  })
})
