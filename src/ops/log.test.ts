import { DrizzleQueryError } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { jsonLogger } from './log'

function capture() {
  const lines: { level: string; text: string }[] = []
  const sink = {
    log: (text: string) => lines.push({ level: 'log', text }),
    warn: (text: string) => lines.push({ level: 'warn', text }),
    error: (text: string) => lines.push({ level: 'error', text }),
  }
  const log = jsonLogger(sink, () => new Date('2026-11-25T03:04:05.678Z'))
  return { log, lines, parsed: () => lines.map((l) => JSON.parse(l.text)) }
}

describe('jsonLogger', () => {
  it('writes one JSON object per line, errors to the error stream', () => {
    const { log, lines, parsed } = capture()
    log.info('request', { route: '/track', status: 200 })
    log.error('job failed', { job: 'prune-expired' })
    expect(lines.map((l) => l.level)).toEqual(['log', 'error'])
    expect(lines.every((l) => !l.text.includes('\n'))).toBe(true)
    expect(parsed()).toEqual([
      {
        time: '2026-11-25T03:04:05.678Z',
        level: 'info',
        msg: 'request',
        route: '/track',
        status: 200,
      },
      { time: '2026-11-25T03:04:05.678Z', level: 'error', msg: 'job failed', job: 'prune-expired' },
    ])
  })

  it('logs an error with its cause, and a failed query without its bound values', () => {
    const { log, parsed } = capture()
    const driver = Object.assign(new Error('SQLITE_CONSTRAINT: FOREIGN KEY'), {
      code: 'SQLITE_CONSTRAINT',
    })
    const failed = new DrizzleQueryError(
      'insert into users (email, password_hash) values (?, ?)',
      ['someone@example.com', 'scrypt$secret-hash'],
      driver,
    )
    log.error('unexpected error', { errorId: 'abc', error: failed })
    const [line] = parsed()
    const text = JSON.stringify(line)
    expect(text).not.toContain('someone@example.com')
    expect(text).not.toContain('secret-hash')
    expect(line.error.message).toBe(
      'Failed query: insert into users (email, password_hash) values (?, ?)',
    )
    expect(line.error.stack).toContain('at ')
    expect(line.error.cause).toMatchObject({
      message: 'SQLITE_CONSTRAINT: FOREIGN KEY',
      code: 'SQLITE_CONSTRAINT',
    })
  })
})
