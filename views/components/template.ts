import { html } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'

const compact = new WeakMap<TemplateStringsArray, TemplateStringsArray>()

/**
 * hono's `html` template (every value escaped) whose source may be laid out on several lines:
 * a line break and the indentation after it are dropped next to a tag or a value, so the markup
 * is as compact as JSX's and no stray space appears between inline elements; inside a tag (a
 * long list of attributes) or a sentence they are one space. For the few views rendered on every
 * request, where walking a JSX tree per element costs more than the rest of the page.
 * @example page`<p class="lead">\n  ${t('welcome')}\n</p>` // <p class="lead">欢迎</p>
 */
export function page(
  strings: TemplateStringsArray,
  ...values: unknown[]
): HtmlEscapedString | Promise<HtmlEscapedString> {
  let kept = compact.get(strings)
  if (!kept) {
    const parts = strings.map((s) =>
      s.replace(/\n\s*/g, (gap, at: number) => {
        const before = s[at - 1]
        const after = s[at + gap.length]
        const nextToMarkup =
          before === undefined || before === '>' || after === undefined || after === '<'
        return nextToMarkup ? '' : ' '
      }),
    )
    kept = Object.assign(parts, { raw: parts }) as unknown as TemplateStringsArray
    compact.set(strings, kept)
  }
  return html(kept, ...values)
}
