import { describe, expect, it } from 'vitest'
import { commonPasswords } from './common-passwords'
import { newPasswordSchema } from './schemas'

describe('the new-password policy', () => {
  it.each([
    ['9 characters', 'abcdefgh9', 'too_small'],
    ['a common password', 'password123', 'custom'],
    ['a common password in other case', 'QwertyUiop', 'custom'],
    ['a run of digits', '1234567890', 'custom'],
    ['the published demo password', 'nestwork-demo', 'custom'],
    ['201 characters', 'x'.repeat(201), 'too_big'],
  ])('refuses %s', (_, password, code) => {
    const parsed = newPasswordSchema.safeParse(password)
    expect(parsed.success).toBe(false)
    expect(parsed.error!.issues[0]!.code).toBe(code)
  })

  it.each([['ten chars!'], ['纸飞机飞过长江大桥的黄昏'], ['correct horse battery staple']])(
    'accepts %s',
    (password) => {
      expect(newPasswordSchema.safeParse(password).success).toBe(true)
    },
  )

  it('ships a few hundred common passwords, stored in lower case', () => {
    expect(commonPasswords.size).toBeGreaterThan(300)
    for (const p of commonPasswords) expect(p).toBe(p.toLowerCase())
  })
})
