import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser } from '../helpers/http'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

const password = 'a-fresh-passphrase-77'

describe('a shop joins the alliance by pages alone', () => {
  it('applies, is admitted, its owner is invited, accepts and books', async () => {
    const shop = new Browser(t, '203.0.113.30')
    await shop.get('/join')
    const applied = await shop.post('/join', {
      shopName: '新芽童装',
      category: 'CLOTHING',
      region: '浙江 杭州',
      contact: 'owner@xinya.example.cn',
      shopUrl: 'https://xinya.example.cn',
    })
    expect(applied.status).toBe(303)

    const admin = new Browser(t)
    await admin.signIn('coordinator@nestwork.demo')
    const page = await (await admin.get('/admin/merchants')).text()
    const id = /\/admin\/merchants\/applications\/(app_[a-z0-9]+)\/admit/.exec(page)![1]!
    const admitted = await admin.post(`/admin/merchants/applications/${id}/admit`, {
      [`startMonth-${id}`]: '2026-11',
    })
    expect(admitted.status).toBe(303)

    const users = await (await admin.get('/admin/users')).text()
    const merchantId = /<option value="(mer_[a-z0-9]{16})">新芽童装<\/option>/.exec(users)![1]!
    const invited = await admin.post('/admin/users/invite', {
      email: 'owner@xinya.example.cn',
      role: 'MERCHANT',
      merchantId,
    })
    const link = /http:\/\/localhost(\/invite\/[A-Za-z0-9_-]{43})/.exec(await invited.text())![1]!

    await shop.get(link)
    expect((await shop.post(link, { password, repeatPassword: password })).status).toBe(303)
    const calendar = await (await shop.get('/bookings?hub=hub_1&month=2026-12')).text()
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(calendar)![1]!
    const booked = await shop.post('/bookings', {
      hubId: 'hub_1',
      date: '2026-12-10',
      units: '5',
      idempotencyKey: key,
    })
    expect(booked.status).toBe(303)
    const mine = await (await shop.get('/bookings?hub=hub_1&month=2026-12')).text()
    expect(mine).toMatch(/id="booking-bkg_[a-z0-9]+"/)
  })
})
