// Live countdowns for service deadlines. The server renders every `<time data-due="ISO">` with
// its text ("due in 1 h 12 min" / "overdue by 20 min"); this script keeps the text current
// without reloading, and once a deadline passes it marks the clock overdue in words (a flag),
// not only by colour. The words come from the server as templates in the closest
// `[data-countdown-format]` element, so both languages read the same as the server's text.
// Elements swapped in by htmx are brought up to date as soon as they are swapped in.
;(function () {
  const TICK_MS = 15000

  function fill(template, name, value) {
    return String(template).replace('{' + name + '}', String(value))
  }

  /** The same rule as `formatDuration` in views/inspection/format.ts. */
  function duration(ms, f) {
    const minutes = Math.floor(Math.abs(ms) / 60000)
    if (minutes < 1) return f.underMinute
    const d = Math.floor(minutes / 1440)
    const h = Math.floor((minutes % 1440) / 60)
    const m = minutes % 60
    const parts = []
    if (d > 0) {
      parts.push(fill(f.days, 'n', d))
      if (h > 0) parts.push(fill(f.hours, 'n', h))
    } else {
      if (h > 0) parts.push(fill(f.hours, 'n', h))
      if (m > 0) parts.push(fill(f.minutes, 'n', m))
    }
    return parts.join(' ')
  }

  const formats = new WeakMap()
  function formatFor(el) {
    const host = el.closest('[data-countdown-format]')
    if (!host) return null
    if (!formats.has(host)) {
      try {
        formats.set(host, JSON.parse(host.getAttribute('data-countdown-format')))
      } catch (e) {
        formats.set(host, null)
      }
    }
    return formats.get(host)
  }

  function flagFor(clock, f) {
    let flag = clock.querySelector('.clock__flag')
    if (!flag) {
      flag = document.createElement('strong')
      flag.className = 'clock__flag'
      const icon = document.createElement('span')
      icon.setAttribute('aria-hidden', 'true')
      icon.textContent = '⚠ '
      flag.append(icon, document.createTextNode(f.flag))
    }
    return flag
  }

  function update(el, now) {
    const f = formatFor(el)
    const due = Date.parse(el.getAttribute('data-due'))
    if (!f || Number.isNaN(due)) return
    const left = due - now
    const overdue = left < 0
    const text = overdue
      ? fill(f.overdueBy, 'time', duration(left, f))
      : fill(f.dueIn, 'time', duration(left, f))
    if (el.textContent !== text) el.textContent = text
    const clock = el.closest('.clock')
    if (!clock) return
    const was = clock.classList.contains('clock--overdue')
    if (overdue === was) return
    clock.classList.toggle('clock--overdue', overdue)
    if (overdue) clock.insertBefore(flagFor(clock, f), el)
    else clock.querySelector('.clock__flag')?.remove()
    const row = clock.closest('.desk-item, tr')
    if (row) row.classList.toggle('is-overdue', !!row.querySelector('.clock--overdue'))
  }

  /** The desk's "n past a deadline" line follows the items it counts. */
  function summarise() {
    document.querySelectorAll('[data-overdue-summary]').forEach(function (el) {
      const f = formatFor(el)
      const list = el.parentElement
      if (!f || !list) return
      const n = list.querySelectorAll('.desk-item.is-overdue').length
      const text = n > 0 ? fill(f.overdueCount, 'n', n) : f.noneOverdue
      if (el.textContent !== text) el.textContent = text
      el.classList.toggle('desk-summary--overdue', n > 0)
    })
  }

  function tick() {
    const now = Date.now()
    document.querySelectorAll('time[data-due]').forEach(function (el) {
      update(el, now)
    })
    summarise()
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', tick)
  else tick()
  setInterval(tick, TICK_MS)
  // An item swapped in by htmx (an answer, a decision) may change what is overdue: recount now.
  document.addEventListener('htmx:after:swap', tick)
})()
