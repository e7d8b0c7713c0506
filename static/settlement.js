// The statement page's Print button: it needs JavaScript, so it starts hidden and this shows it.
// (A page script, not an inline handler: the pages' CSP allows scripts from this site only.)
;(function () {
  for (const button of document.querySelectorAll('[data-print]')) {
    button.hidden = false
    button.addEventListener('click', function () {
      window.print()
    })
  }
})()
