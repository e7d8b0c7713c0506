import type { Random } from './random'

/**
 * Runs `work` in the history's own world: `crypto.getRandomValues` draws from `random` and a
 * `new Date()` or `Date.now()` without arguments reads `clock`. The domain functions take row
 * ids, return codes and encryption IVs from the first, and a few defaults (`created_at`) from the
 * second; the seed calls them unchanged, so every trigger, rule and audit entry holds, yet writes
 * the same rows every time, stamped with simulated moments. Only the seed does this, before the
 * server takes requests; the real generator and clock are back when it ends.
 */
export async function simulate<T>(
  random: Random,
  clock: () => number,
  work: () => Promise<T>,
): Promise<T> {
  const crypto = Object.getOwnPropertyDescriptor(globalThis, 'crypto')
  const date = Object.getOwnPropertyDescriptor(globalThis, 'Date')
  if (!crypto?.configurable || !date?.configurable) {
    throw new Error('this runtime cannot seed a repeatable history')
  }
  const real = globalThis.crypto
  const RealDate = globalThis.Date
  const seeded = new Proxy(real, {
    get(target, key) {
      if (key === 'getRandomValues') return <V extends ArrayBufferView>(b: V) => random.fill(b)
      const value: unknown = Reflect.get(target, key, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  const simulated = new Proxy(RealDate, {
    construct: (target, args: unknown[]) =>
      args.length === 0 ? new target(clock()) : Reflect.construct(target, args),
    get: (target, key) => (key === 'now' ? clock : Reflect.get(target, key)),
  })
  Object.defineProperty(globalThis, 'crypto', {
    configurable: true,
    enumerable: crypto.enumerable,
    writable: true,
    value: seeded,
  })
  Object.defineProperty(globalThis, 'Date', { ...date, value: simulated })
  try {
    return await work()
  } finally {
    Object.defineProperty(globalThis, 'crypto', crypto)
    Object.defineProperty(globalThis, 'Date', date)
  }
}
