// The receiving console's sound: when a scan's answer appears in #receive-result, a short tone
// says which kind of lane it went to, so the operator can keep their eyes on the parcel. Made
// with WebAudio (no sound file to load): one high beep for a merchant or large-item lane, two
// lower beeps for quarantine or transfer (look again), a low buzz for no lane or a refusal. The
// kind played is left on the result's `data-sound` for tests and for anyone inspecting the page.
;(function () {
  var tones = {
    merchant: [[880, 0.12]],
    large: [[660, 0.12]],
    quarantine: [
      [440, 0.12],
      [440, 0.12],
    ],
    transfer: [
      [520, 0.12],
      [390, 0.12],
    ],
    none: [[180, 0.3]],
    refused: [[180, 0.3]],
  }
  var audio = null

  function play(kind) {
    var Context = window.AudioContext || window.webkitAudioContext
    if (!Context) return
    try {
      audio = audio || new Context()
      if (audio.state === 'suspended') audio.resume()
      var at = audio.currentTime
      tones[kind].forEach(function (tone) {
        var osc = audio.createOscillator()
        var gain = audio.createGain()
        osc.type = kind === 'none' || kind === 'refused' ? 'square' : 'sine'
        osc.frequency.value = tone[0]
        gain.gain.setValueAtTime(0.2, at)
        gain.gain.exponentialRampToValueAtTime(0.001, at + tone[1])
        osc.connect(gain).connect(audio.destination)
        osc.start(at)
        osc.stop(at + tone[1])
        at += tone[1] + 0.06
      })
    } catch (e) {
      // No audio output (or the browser refused it): the big lane display still says it all.
    }
  }

  function kindOf(result) {
    var lane = result.querySelector('.lane-callout')
    if (lane) {
      var match = /lane-callout--(\w+)/.exec(lane.className)
      if (match && tones[match[1]]) return match[1]
    }
    return result.querySelector('.scan-result--error') ? 'refused' : null
  }

  function watch() {
    var result = document.getElementById('receive-result')
    if (!result) return
    new MutationObserver(function () {
      var kind = kindOf(result)
      if (!kind) return
      result.dataset.sound = kind
      play(kind)
    }).observe(result, { childList: true })
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch)
  else watch()
})()
