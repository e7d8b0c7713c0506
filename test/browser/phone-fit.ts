// What "fits a phone" means for any page, measured in the browser on the page as it is now: the
// page does not scroll sideways, no control in the header or main is cut off (outside the
// viewport, or by an ancestor that hides its overflow; a wrapper that scrolls is fine, its
// content is reachable), main actions are at least 44 px tall for a thumb, no table column is
// squeezed to a character or two per line, and the header and any map leave the page most of
// the screen.
import type { Page } from 'playwright-core'

/** A common phone: 390 × 844 CSS pixels, touch. */
export const phone390 = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
}

/** The most of a phone's height the header may take: the page is what people came for. */
export const headerShareOfHeight = 0.16

/** Each way the page fails a phone, in words naming the element; empty when it fits. */
export function phoneProblems(page: Page): Promise<string[]> {
  // The viewport as set, not as measured: a phone zooms out a page wider than itself, which
  // widens innerWidth and innerHeight with it.
  const { width: vw, height: vh } = page.viewportSize() ?? phone390.viewport
  return page.evaluate(
    ([vw, vh, headerShare]) => {
      // No named helpers in here: a transpiler that keeps function names would wrap them in a
      // helper that does not exist in the page. Elements are named in words at the end.
      const problems: string[] = []
      const found: { el: Element; what: string }[] = []
      const round = Math.round

      if (document.documentElement.scrollWidth > vw) {
        problems.push(`scrolls sideways: ${document.documentElement.scrollWidth}px in ${vw}px`)
      }

      const header = document.querySelector('body > header')
      if (header) {
        const height = header.getBoundingClientRect().height
        if (height > vh * headerShare) {
          problems.push(`the header is ${round(height)}px tall, over ${round(vh * headerShare)}px`)
        }
      }

      for (const map of document.querySelectorAll('main .map')) {
        const height = map.getBoundingClientRect().height
        if (height > vh * 0.4) {
          problems.push(`a map is ${round(height)}px tall, over 40 % of ${vh}px`)
        }
      }

      const controls = document.querySelectorAll<HTMLElement>(
        [
          'main a[href]',
          'main button',
          'main input:not([type="hidden"])',
          'main select',
          'main textarea',
          'main summary',
          'body > header a[href]',
          'body > header button',
          'body > header select',
        ].join(','),
      )
      for (const el of controls) {
        // Map markers and tiles live in Leaflet's panes, clipped by the map on purpose.
        if (el.closest('.leaflet-pane')) continue
        if (!el.checkVisibility({ visibilityProperty: true })) continue
        const box = el.getBoundingClientRect()
        if (box.width < 2 || box.height < 2) continue
        let left = box.left
        let right = box.right
        let top = box.top
        let bottom = box.bottom
        let scrollsX = false
        let hidden = false
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
          const style = getComputedStyle(a)
          const outer = a.getBoundingClientRect()
          const clipsX = style.overflowX !== 'visible'
          const clipsY = style.overflowY !== 'visible'
          // A 1 px box that clips (the visually-hidden pattern) hides its content on purpose.
          if (
            (clipsX || clipsY || style.clip !== 'auto') &&
            (outer.width < 2 || outer.height < 2)
          ) {
            hidden = true
            break
          }
          if (style.overflowX === 'auto' || style.overflowX === 'scroll') scrollsX = true
          if (style.overflowX === 'hidden' || style.overflowX === 'clip') {
            left = Math.max(left, outer.left)
            right = Math.min(right, outer.right)
          }
          if (style.overflowY === 'hidden' || style.overflowY === 'clip') {
            top = Math.max(top, outer.top)
            bottom = Math.min(bottom, outer.bottom)
          }
        }
        if (hidden) continue
        const cutX = left > box.left + 1 || right < box.right - 1
        const cutY = top > box.top + 1 || bottom < box.bottom - 1
        if (cutX || cutY) {
          const shows = `${round(Math.max(0, right - left))}×${round(Math.max(0, bottom - top))}`
          found.push({
            el,
            what: `cut off by an ancestor's hidden overflow (${round(box.width)}×${round(box.height)}, shows ${shows})`,
          })
        } else if (box.left < -1 || box.right > vw + 1) {
          // A link, or a row's control in a table that scrolls sideways, is reached by scrolling
          // the table; any other control (a form's field or button) must be in view.
          if (!scrollsX || !(el.tagName === 'A' || el.closest('td, th'))) {
            const where = scrollsX ? 'scrolled out of' : 'outside'
            found.push({
              el,
              what: `${where} the ${vw}px viewport (${round(box.left)}–${round(box.right)})`,
            })
          }
        }
      }

      const actions = document.querySelectorAll<HTMLElement>(
        'main button, main .button, main input[type="submit"]',
      )
      for (const el of actions) {
        if (!el.checkVisibility({ visibilityProperty: true })) continue
        const box = el.getBoundingClientRect()
        if (box.width < 2 || box.height < 2) continue
        if (box.height < 44 - 0.5) {
          found.push({ el, what: `a main action ${round(box.height)}px tall, under 44` })
        }
      }

      // A column so narrow that its words are set a character or two per line ("截至目前" as four
      // lines): the cell's text runs over several lines with fewer than 2.5 characters on each.
      for (const cell of document.querySelectorAll<HTMLElement>('main th, main td')) {
        if (!cell.checkVisibility()) continue
        // Headers hidden visually (a table stacked into cards on phones) are not columns.
        const group = cell.closest('thead')?.getBoundingClientRect()
        if (group && (group.width < 2 || group.height < 2)) continue
        const chars = (cell.textContent ?? '').replace(/\s+/g, '').length
        if (chars < 3) continue
        const tops = new Set<number>()
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT)
        const range = document.createRange()
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!node.textContent?.trim()) continue
          range.selectNodeContents(node)
          for (const rect of range.getClientRects()) if (rect.width > 0) tops.add(round(rect.top))
        }
        if (tops.size >= 2 && chars / tops.size < 2.5) {
          found.push({
            el: cell,
            what: `a column squeezed to ${round(chars / tops.size)} characters a line`,
          })
        }
      }
      return problems.concat(
        found.map(({ el, what }) => {
          const label =
            el.getAttribute('aria-label') ??
            (el as HTMLInputElement).labels?.[0]?.textContent ??
            el.textContent ??
            ''
          const cls = el.getAttribute('class')
          const words = label.replace(/\s+/g, ' ').trim().slice(0, 40)
          return `${what}: <${el.tagName.toLowerCase()}${cls ? ` class="${cls}"` : ''}> "${words}"`
        }),
      )
    },
    [vw, vh, headerShareOfHeight] as const,
  )
}
