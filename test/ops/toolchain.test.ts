// One Workers runtime for everything: `wrangler dev`, `wrangler deploy` and the test plugin must
// run the same workerd, or the tests pass on a runtime nobody deploys. The plugin brings its own
// wrangler and miniflare, so package.json's overrides pin them to the project's; this catches an
// upgrade of one that forgot the others.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<string, { version?: string }>
}

/** Every version of `name` installed anywhere in the tree. */
function versionsOf(name: string): string[] {
  const found = Object.entries(lock.packages)
    .filter(([path]) => path === `node_modules/${name}` || path.endsWith(`/node_modules/${name}`))
    .map(([, entry]) => entry.version ?? '')
  return [...new Set(found)]
}

describe('the toolchain', () => {
  it.each(['wrangler', 'miniflare', 'workerd'])('installs one version of %s', (name) => {
    expect(versionsOf(name)).toHaveLength(1)
  })

  it('runs on the Node line package.json names', () => {
    const engines = JSON.parse(readFileSync('package.json', 'utf8')).engines.node as string
    const major = Number(/^>=(\d+)/.exec(engines)?.[1])
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(major)
  })
})
