// A setup file of the Node suite: a test worker that grows past the ceiling fails the file that
// took it there, loudly, instead of dying later with "Worker exited unexpectedly".
import { afterAll } from 'vitest'

const ceilingBytes = 1.5 * 1024 ** 3

afterAll(() => {
  const rss = process.memoryUsage().rss
  if (rss > ceilingBytes) {
    throw new Error(`This test worker holds ${Math.round(rss / 1024 ** 2)} MiB, past 1,536 MiB`)
  }
})
