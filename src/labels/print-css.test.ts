import { readFile } from 'node:fs/promises'
import { expect, it } from 'vitest'

// The stylesheet is read from disk, so this runs on Node only (the Workers runtime has no files).
it('sizes the printed label pages with named @page rules for A4 and 100 × 150 mm', async () => {
  const css = await readFile(new URL('../../static/app.css', import.meta.url), 'utf8')
  expect(css).toMatch(/@page labels-a4 \{\s*size: A4;\s*margin: 0;/)
  expect(css).toMatch(/@page labels-thermal \{\s*size: 100mm 150mm;\s*margin: 0;/)
  expect(css).toMatch(/\.sheet--a4 \{\s*page: labels-a4;/)
  expect(css).toMatch(/\.sheet--thermal \{\s*page: labels-thermal;/)
})
