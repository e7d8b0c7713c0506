import { describe, expect, it } from 'vitest'
import { webhookTargetRefusal } from './target'

describe('webhook targets', () => {
  it.each([
    ['http://shop.example.com/hooks', 'NOT_HTTPS'],
    ['ftp://shop.example.com/hooks', 'NOT_HTTPS'],
    ['not a url', 'NOT_A_URL'],
    ['https://user:pw@shop.example.com/', 'NOT_A_URL'],
    ['https://localhost/hooks', 'PRIVATE_ADDRESS'],
    ['https://api.localhost./hooks', 'PRIVATE_ADDRESS'],
    ['https://127.0.0.1/hooks', 'PRIVATE_ADDRESS'],
    ['https://127.1/hooks', 'PRIVATE_ADDRESS'],
    ['https://0x7f000001/hooks', 'PRIVATE_ADDRESS'],
    ['https://10.1.2.3/', 'PRIVATE_ADDRESS'],
    ['https://172.16.0.1/', 'PRIVATE_ADDRESS'],
    ['https://192.168.1.1/', 'PRIVATE_ADDRESS'],
    ['https://169.254.169.254/latest/meta-data', 'PRIVATE_ADDRESS'],
    ['https://100.64.0.1/', 'PRIVATE_ADDRESS'],
    ['https://0.0.0.0/', 'PRIVATE_ADDRESS'],
    ['https://[::1]/', 'PRIVATE_ADDRESS'],
    ['https://[::]/', 'PRIVATE_ADDRESS'],
    ['https://[fe80::1]/', 'PRIVATE_ADDRESS'],
    ['https://[fd12:3456::1]/', 'PRIVATE_ADDRESS'],
    ['https://[::ffff:127.0.0.1]/', 'PRIVATE_ADDRESS'],
    ['https://[::ffff:10.0.0.1]/', 'PRIVATE_ADDRESS'],
  ])('refuses %s (%s)', (url, reason) => {
    expect(webhookTargetRefusal(url, false)).toBe(reason)
  })

  it.each([
    'https://shop.example.com/hooks',
    'https://203.0.113.10:8443/hooks',
    'https://172.32.0.1/',
    'https://[2001:db8::1]/',
    'https://[::ffff:8.8.8.8]/',
  ])('accepts %s', (url) => {
    expect(webhookTargetRefusal(url, false)).toBeNull()
  })

  it('allows plain HTTP and local receivers only with WEBHOOK_ALLOW_PRIVATE', () => {
    expect(webhookTargetRefusal('http://127.0.0.1:3000/hooks', true)).toBeNull()
    expect(webhookTargetRefusal('http://127.0.0.1:3000/hooks', false)).toBe('NOT_HTTPS')
    expect(webhookTargetRefusal('ftp://127.0.0.1/', true)).toBe('NOT_HTTPS')
  })
})
