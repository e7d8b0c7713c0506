import { describe, expect, it } from 'vitest'
import { page } from '../../views/components/template'

const text = async (html: ReturnType<typeof page>) => String(await html)

describe('page templates', () => {
  it('drops line breaks and indentation next to tags and values, keeps one space elsewhere', async () => {
    const name = 'Li'
    const got = page`
      <p class="a"
        id="b">
        ${name}
        <b>hello
          world</b>
      </p>`
    expect(await text(got)).toBe('<p class="a" id="b">Li<b>hello world</b></p>')
  })

  it('escapes every value, renders nested templates as markup and skips empty ones', async () => {
    const inner = page`<i>${'<x>'}</i>`
    const got = page`<a title="${'"q" & \'s\''}">${inner}${null}${false}${undefined}${['a', '<b>']}</a>`
    expect(await text(got)).toBe(
      '<a title="&quot;q&quot; &amp; &#39;s&#39;"><i>&lt;x&gt;</i>a&lt;b&gt;</a>',
    )
  })
})
