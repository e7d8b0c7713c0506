// "Use my location" on the public station finder: asks the browser where it is and loads the
// finder for that point (?lat=&lng=, rounded to about 100 m — enough to find the nearest store).
// Without geolocation the button stays hidden and the city field is the way in.
;(function () {
  const button = document.getElementById('use-location')
  const status = document.getElementById('location-status')
  if (!button || !status || !('geolocation' in navigator)) return
  button.hidden = false
  button.addEventListener('click', function () {
    button.disabled = true
    status.textContent = button.dataset.locating || ''
    navigator.geolocation.getCurrentPosition(
      function (position) {
        const url = new URL('/stations', window.location.href)
        url.searchParams.set('lat', position.coords.latitude.toFixed(3))
        url.searchParams.set('lng', position.coords.longitude.toFixed(3))
        window.location.assign(url.href)
      },
      function () {
        button.disabled = false
        status.textContent = button.dataset.failed || ''
      },
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 300000 },
    )
  })
})()
