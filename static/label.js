// The label page's Print button: it needs JavaScript, so it starts hidden and this shows it.
;(function () {
  for (const button of document.querySelectorAll('[data-print]')) {
    button.hidden = false
    button.addEventListener('click', function () {
      window.print()
    })
  }
})()
