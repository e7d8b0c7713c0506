// The station form's map: a click or a dragged pin writes the point into the latitude and
// longitude fields (WGS-84, six decimals: about 10 cm), and typing in them moves the pin. The
// tiles may be drawn on GCJ-02: the page gives the local shift between the two datums.
;(function () {
  const el = document.getElementById('point-picker')
  const latField = document.getElementById('field-lat')
  const lngField = document.getElementById('field-lng')
  if (!el || !latField || !lngField || !window.L) return
  const d = el.dataset
  const shift = { lat: Number(d.shiftLat) || 0, lng: Number(d.shiftLng) || 0 }
  const onTiles = (p) => [p.lat + shift.lat, p.lng + shift.lng]
  const typed = () => {
    const lat = parseFloat(latField.value)
    const lng = parseFloat(lngField.value)
    return Number.isFinite(lat) && Number.isFinite(lng) ? { lat: lat, lng: lng } : null
  }
  const start = typed() || { lat: Number(d.centerLat), lng: Number(d.centerLng) }
  const map = L.map(el, { scrollWheelZoom: false }).setView(onTiles(start), typed() ? 16 : 11)
  L.tileLayer(d.tileUrl, {
    maxZoom: 18,
    subdomains: d.tileSubdomains || 'abc',
    attribution: d.tileAttribution,
  }).addTo(map)
  const icon = L.divIcon({ className: 'marker marker--station', iconSize: [18, 18] })
  const pin = L.marker(onTiles(start), {
    draggable: true,
    icon: icon,
    title: d.pinTitle,
    alt: d.pinTitle,
  })
  if (typed()) pin.addTo(map)

  function place(latlng) {
    latField.value = (latlng.lat - shift.lat).toFixed(6)
    lngField.value = (latlng.lng - shift.lng).toFixed(6)
    pin.setLatLng(latlng).addTo(map)
  }
  map.on('click', function (e) {
    place(e.latlng)
  })
  pin.on('dragend', function () {
    place(pin.getLatLng())
  })
  function follow() {
    const p = typed()
    if (!p) return
    pin.setLatLng(onTiles(p)).addTo(map)
    map.panTo(onTiles(p), { animate: false })
  }
  latField.addEventListener('change', follow)
  lngField.addEventListener('change', follow)
})()
