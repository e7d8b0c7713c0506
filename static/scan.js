// Camera scanning for code fields. Any `<input data-scan>` on a page gets a "scan" button: it
// opens the back camera, reads a QR code (or Code 128) from the video and puts the code in the
// field, then submits the field's form (htmx or plain). A QR code holding a tracking URL
// (`…/track?code=ABCD-EFGH-JKMN`) gives its `code`. Typing always keeps working: without a
// camera, or when access is refused, the button goes away and a hint says to type.
//
// Reading uses the browser's BarcodeDetector where it can read QR codes (Android, macOS), else
// ZXing-C++ compiled to WebAssembly (zxing-wasm), self-hosted under /static/vendor/zxing/ and
// loaded on the first scan only.
//
// Markup contract (all optional except data-scan; the texts come localised from the server):
//   data-scan                   marks the field
//   data-scan-label             button text ("Scan with camera")
//   data-scan-stop              button text while the camera runs ("Stop camera")
//   data-scan-starting          status while the camera starts
//   data-scan-scanning          status while looking for a code
//   data-scan-unavailable       hint when no camera or reader can be used
//   data-scan-denied            hint when camera access was refused
//   data-scan-submit="false"    fill the field but do not submit
// The scanner is inserted after the field's closest `[data-scan-host]` ancestor, else after the
// field itself. Fields added later (htmx swaps) are enhanced as they appear.
;(function () {
  const script = document.currentScript
  const vendor = new URL('vendor/zxing/', script && script.src ? script.src : location.href)
  const panels = new WeakMap()
  // Once the camera failed or was refused on this page, later fields show the hint at once.
  let failure = null

  const cameraApi =
    window.isSecureContext && !!(navigator.mediaDevices && navigator.mediaDevices.getUserMedia)
  if (!cameraApi) failure = 'unavailable'

  function text(input, name, fallback) {
    return input.dataset[name] || fallback
  }

  /** What a decoded barcode means as a code: a tracking URL's `code`, else the text itself. */
  function codeFrom(raw) {
    const value = String(raw || '').trim()
    try {
      const url = new URL(value)
      const code = url.searchParams.get('code')
      if (code) return code.trim()
    } catch (e) {
      // not a URL: the text is the code
    }
    return value
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      const el = document.createElement('script')
      el.src = src
      el.async = true
      el.onload = function () {
        resolve()
      }
      el.onerror = function () {
        reject(new Error('could not load ' + src))
      }
      document.head.appendChild(el)
    })
  }

  let reader = null
  /** A function from a playing <video> to the text of a barcode in view (or null). */
  function getReader() {
    if (reader) return reader
    reader = (async function () {
      if ('BarcodeDetector' in window) {
        try {
          const supported = await window.BarcodeDetector.getSupportedFormats()
          if (supported.indexOf('qr_code') >= 0) {
            const formats = ['qr_code'].concat(
              supported.indexOf('code_128') >= 0 ? ['code_128'] : [],
            )
            const detector = new window.BarcodeDetector({ formats: formats })
            return async function (video) {
              const found = await detector.detect(video)
              return found.length ? found[0].rawValue : null
            }
          }
        } catch (e) {
          // fall back to the WebAssembly reader
        }
      }
      if (!('WebAssembly' in window)) throw new Error('no barcode reader')
      if (!window.ZXingWASM) await loadScript(new URL('zxing-reader.js', vendor).href)
      const zxing = window.ZXingWASM
      // Never the library's default CDN: the .wasm comes from this site.
      await zxing.prepareZXingModule({
        overrides: {
          locateFile: function (path, prefix) {
            return path.endsWith('.wasm') ? new URL(path, vendor).href : prefix + path
          },
        },
        fireImmediately: true,
      })
      const canvas = document.createElement('canvas')
      const context = canvas.getContext('2d', { willReadFrequently: true })
      const options = { formats: ['QRCode', 'Code128'], tryHarder: true, maxNumberOfSymbols: 1 }
      return async function (video) {
        const w = video.videoWidth
        const h = video.videoHeight
        if (!w || !h) return null
        // Large frames only slow the reader down; 960 px across is plenty for a label.
        const scale = Math.min(1, 960 / Math.max(w, h))
        canvas.width = Math.round(w * scale)
        canvas.height = Math.round(h * scale)
        context.drawImage(video, 0, 0, canvas.width, canvas.height)
        const image = context.getImageData(0, 0, canvas.width, canvas.height)
        const results = await zxing.readBarcodes(image, options)
        const hit = results.find(function (r) {
          return r.isValid && r.text
        })
        return hit ? hit.text : null
      }
    })()
    // A failed load may succeed later (a flaky network): do not keep the rejection.
    reader.catch(function () {
      reader = null
    })
    return reader
  }

  function enhance(input) {
    const existing = panels.get(input)
    if (existing && existing.panel.isConnected) return
    const host = input.closest('[data-scan-host]') || input
    const panel = document.createElement('div')
    panel.className = 'scan'
    const button = document.createElement('button')
    button.type = 'button'
    button.className = 'button scan__button'
    button.textContent = text(input, 'scanLabel', 'Scan with camera')
    const status = document.createElement('p')
    status.className = 'hint scan__status'
    status.setAttribute('role', 'status')
    panel.appendChild(button)
    panel.appendChild(status)
    host.insertAdjacentElement('afterend', panel)
    const state = { panel: panel, button: button, status: status, session: null }
    panels.set(input, state)

    if (failure) {
      giveUp(input, state, failure)
      return
    }
    button.addEventListener('click', function () {
      if (state.session) stop(state)
      else start(input, state)
    })
  }

  function giveUp(input, state, why) {
    failure = why
    stop(state)
    state.button.hidden = true
    state.status.textContent =
      why === 'denied'
        ? text(input, 'scanDenied', 'Camera access was refused: type the code instead.')
        : text(input, 'scanUnavailable', 'The camera cannot scan here: type the code instead.')
    input.focus()
  }

  function stop(state) {
    const session = state.session
    if (!session) return
    state.session = null
    session.active = false
    clearTimeout(session.timer)
    if (session.stream) {
      session.stream.getTracks().forEach(function (track) {
        track.stop()
      })
    }
    session.video.remove()
    state.button.textContent = session.label
    state.button.setAttribute('aria-pressed', 'false')
    state.status.textContent = ''
  }

  async function start(input, state) {
    const video = document.createElement('video')
    video.className = 'scan__video'
    video.muted = true
    video.playsInline = true
    video.setAttribute('playsinline', '')
    video.setAttribute('aria-hidden', 'true')
    const session = {
      active: true,
      video: video,
      stream: null,
      timer: 0,
      label: state.button.textContent,
    }
    state.session = session
    state.button.textContent = text(input, 'scanStop', 'Stop camera')
    state.button.setAttribute('aria-pressed', 'true')
    state.status.textContent = text(input, 'scanStarting', 'Starting the camera…')
    state.panel.insertBefore(video, state.status)

    const reading = getReader()
    let read
    try {
      session.stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: { ideal: 'environment' } },
        audio: false,
      })
    } catch (error) {
      if (!session.active) return
      const name = error && error.name
      giveUp(
        input,
        state,
        name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : 'unavailable',
      )
      return
    }
    if (!session.active) {
      session.stream.getTracks().forEach(function (track) {
        track.stop()
      })
      return
    }
    try {
      video.srcObject = session.stream
      await video.play()
      read = await reading
    } catch (error) {
      if (session.active) giveUp(input, state, 'unavailable')
      return
    }
    if (!session.active) return
    state.status.textContent = text(input, 'scanScanning', 'Point the camera at the code.')

    const tick = async function () {
      if (!session.active) return
      // The field was swapped away (htmx) while scanning: let the camera go.
      if (!input.isConnected) {
        stop(state)
        return
      }
      let found = null
      try {
        found = await read(video)
      } catch (e) {
        // an unreadable frame: try the next one
      }
      if (!session.active) return
      if (found) {
        stop(state)
        fill(input, codeFrom(found))
        return
      }
      session.timer = setTimeout(tick, 120)
    }
    tick()
  }

  function fill(input, code) {
    input.value = code
    input.dispatchEvent(new Event('input', { bubbles: true }))
    if (navigator.vibrate) navigator.vibrate(60)
    const form = input.form
    if (form && input.dataset.scanSubmit !== 'false') {
      if (form.requestSubmit) form.requestSubmit()
      else form.submit()
    } else {
      input.focus()
    }
  }

  function scan(root) {
    if (root.matches && root.matches('input[data-scan]')) enhance(root)
    if (root.querySelectorAll) root.querySelectorAll('input[data-scan]').forEach(enhance)
  }

  scan(document)
  new MutationObserver(function (records) {
    for (const record of records) {
      record.addedNodes.forEach(function (node) {
        if (node.nodeType === 1) scan(node)
      })
    }
  }).observe(document.body, { childList: true, subtree: true })

  // Leaving the page (or hiding it) switches the camera off.
  function stopAll() {
    document.querySelectorAll('input[data-scan]').forEach(function (input) {
      const state = panels.get(input)
      if (state) stop(state)
    })
  }
  document.addEventListener('visibilitychange', function () {
    if (document.hidden) stopAll()
  })
  window.addEventListener('pagehide', stopAll)
})()
