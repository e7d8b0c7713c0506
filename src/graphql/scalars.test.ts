import { Kind } from 'graphql'
import { describe, expect, it } from 'vitest'
import { FileScalar, SafeIntScalar } from './scalars'

describe('SafeInt', () => {
  it.each([
    0,
    -1,
    2_147_483_648,
    3_000_000_000_00,
    Number.MAX_SAFE_INTEGER,
    -Number.MAX_SAFE_INTEGER,
  ])('carries %d fen as a JSON number both ways', (fen) => {
    expect(SafeIntScalar.serialize(fen)).toBe(fen)
    expect(SafeIntScalar.parseValue(fen)).toBe(fen)
    expect(SafeIntScalar.parseLiteral({ kind: Kind.INT, value: String(fen) })).toBe(fen)
  })

  it.each([1.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN, Infinity, '12', null, true])(
    'refuses %s',
    (value) => {
      expect(() => SafeIntScalar.parseValue(value)).toThrow(/SafeInt/)
      expect(() => SafeIntScalar.serialize(value)).toThrow(/SafeInt/)
    },
  )

  it('refuses a literal that is not a whole number', () => {
    expect(() => SafeIntScalar.parseLiteral({ kind: Kind.FLOAT, value: '1.5' })).toThrow(/SafeInt/)
    expect(() => SafeIntScalar.parseLiteral({ kind: Kind.INT, value: '9007199254740993' })).toThrow(
      /SafeInt/,
    )
  })
})

describe('File', () => {
  it('takes the file part yoga hands over as it is', () => {
    const file = new File([new Uint8Array([1, 2])], 'a.png')
    expect(FileScalar.parseValue(file)).toBe(file)
  })

  it.each(['iVBORw0KGgo=', { name: 'a.png', size: 2 }, null, 7])(
    'refuses %j sent as a JSON value',
    (value) => {
      expect(() => FileScalar.parseValue(value)).toThrow(/multipart/)
    },
  )

  it('refuses a literal in the query and is never sent back', () => {
    expect(() => FileScalar.parseLiteral({ kind: Kind.STRING, value: 'x' })).toThrow(/multipart/)
    expect(() => FileScalar.serialize(new File([], 'a'))).toThrow(/input type only/)
  })
})
