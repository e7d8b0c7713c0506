// After an htmx swap, for people who do not see the page change: what the swapped content says
// in a status or alert region is repeated in the page's one live region (a region inserted with
// its text is often not announced), and the keyboard's place is kept — when the focused element
// was swapped away and nothing in the new content took focus, focus moves to the new content's
// alert, else its heading, else the content itself. While a request is in flight the element
// that made it is marked busy for assistive technology (the htmx-request class shows it); a
// plain form (no htmx) that posts and loads the next page is marked the same way, so a slow
// answer — a payout run, a close — shows that it is on its way and is not sent twice.
;(function () {
  const live = document.getElementById('live-region')

  document.addEventListener('submit', function (event) {
    const form = event.target
    if (!(form instanceof HTMLFormElement) || form.method !== 'post') return
    if (form.matches('[hx-post], [hx-get]')) return
    // After every listener has run: a form whose submission was stopped is not busy.
    setTimeout(function () {
      if (event.defaultPrevented) return
      form.classList.add('is-submitting')
      form.setAttribute('aria-busy', 'true')
    }, 0)
  })
  // Coming back with the browser's Back button shows the page as it was left: not busy.
  window.addEventListener('pageshow', function () {
    for (const form of document.querySelectorAll('form.is-submitting')) {
      form.classList.remove('is-submitting')
      form.removeAttribute('aria-busy')
    }
  })

  document.addEventListener('htmx:before:request', function (event) {
    if (event.target instanceof Element) event.target.setAttribute('aria-busy', 'true')
  })
  document.addEventListener('htmx:finally:request', function (event) {
    if (event.target instanceof Element) event.target.removeAttribute('aria-busy')
  })

  function within(nodes, selector) {
    const found = []
    for (const node of nodes) {
      if (!(node instanceof Element) || !node.isConnected) continue
      if (node.matches(selector)) found.push(node)
      found.push(...node.querySelectorAll(selector))
    }
    return found
  }

  // One response can settle several swaps (its target and out-of-band parts): their messages
  // are collected and announced together, once.
  let pending = []
  document.addEventListener('htmx:after:settle', function (event) {
    const nodes = (event.detail && event.detail.newContent) || []
    const regions = within(nodes, '[role="alert"], [role="status"]')
    const messages = regions
      .map((region) => region.textContent.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
    if (live && messages.length > 0) {
      if (pending.length === 0) {
        live.textContent = ''
        // A separate task, so that the same message twice in a row is announced twice.
        setTimeout(function () {
          live.textContent = pending.join(' ')
          pending = []
        }, 50)
      }
      pending.push(...messages)
    }
    const focused = document.activeElement
    if (focused && focused !== document.body && focused.isConnected) return
    const target =
      within(nodes, '[role="alert"]')[0] ||
      within(nodes, 'h2, h3, [role="status"]')[0] ||
      within(nodes, '*')[0]
    if (!target) return
    if (!target.matches('a[href], button, input, select, textarea, [tabindex]')) {
      target.setAttribute('tabindex', '-1')
    }
    target.focus({ preventScroll: false })
  })

  // A card or table wrapper that scrolls sideways (a wide table on a phone) must be reachable by
  // keyboard to be scrolled: one that holds nothing focusable becomes a focusable region named by
  // its heading. Whether it scrolls depends on the screen, so it is checked again on resize.
  let named = 0
  function focusableScrollers() {
    for (const box of document.querySelectorAll('.card, .table-scroll')) {
      if (box.hasAttribute('data-scroll-focus')) {
        if (box.scrollWidth <= box.clientWidth) {
          box.removeAttribute('tabindex')
          box.removeAttribute('data-scroll-focus')
        }
        continue
      }
      if (box.hasAttribute('tabindex') || box.scrollWidth <= box.clientWidth) continue
      if (box.querySelector('a[href], button, input, select, textarea, [tabindex]')) continue
      box.setAttribute('tabindex', '0')
      box.setAttribute('data-scroll-focus', '')
      if (box.hasAttribute('aria-label') || box.hasAttribute('aria-labelledby')) continue
      const heading =
        box.querySelector('h2, h3, caption') || box.closest('section')?.querySelector('h2, h3')
      if (heading) {
        if (!heading.id) heading.id = 'scroll-region-' + ++named
        box.setAttribute('aria-labelledby', heading.id)
        if (!box.getAttribute('role') && box.tagName !== 'SECTION')
          box.setAttribute('role', 'region')
      }
    }
  }
  focusableScrollers()
  window.addEventListener('resize', focusableScrollers)
  document.addEventListener('htmx:after:settle', focusableScrollers)

  // On a phone the navigation is one row that scrolls sideways: it opens at the current page.
  const nav = document.querySelector('.topbar nav')
  const current = nav && nav.querySelector('[aria-current="page"]')
  if (current && nav.scrollWidth > nav.clientWidth) {
    nav.scrollLeft = current.offsetLeft - nav.clientWidth / 3
  }
})()
