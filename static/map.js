// Draws hubs and stations on a Leaflet map. Markers are plain HTML icons, so they show even
// when map tiles cannot be fetched; a tile failure is announced once, the list stays below.
;(function () {
  const el = document.getElementById('map')
  const data = document.getElementById('map-points')
  if (!el || !data || !window.L) return
  const points = JSON.parse(data.textContent || '[]')
  const map = L.map(el, { scrollWheelZoom: false })
  const tiles = L.tileLayer(el.dataset.tileUrl, {
    maxZoom: 18,
    attribution: el.dataset.tileAttribution,
  })
  let warned = false
  tiles.on('tileerror', function () {
    if (warned) return
    warned = true
    const status = document.getElementById('map-status')
    if (status) {
      status.textContent = el.dataset.tilesFailed || ''
      status.hidden = false
    }
  })
  tiles.addTo(map)
  const bounds = []
  for (const p of points) {
    const icon = L.divIcon({
      className: 'marker marker--' + p.kind,
      iconSize: p.kind === 'hub' ? [22, 22] : [14, 14],
    })
    const marker = L.marker([p.lat, p.lng], {
      icon: icon,
      title: p.name,
      alt: p.name,
      zIndexOffset: p.kind === 'hub' ? 1000 : 0,
    })
    const popup = document.createElement('div')
    const strong = document.createElement('strong')
    strong.textContent = p.name
    popup.appendChild(strong)
    if (p.detail) {
      popup.appendChild(document.createElement('br'))
      popup.appendChild(document.createTextNode(p.detail))
    }
    marker.bindPopup(popup)
    marker.addTo(map)
    bounds.push([p.lat, p.lng])
  }
  if (bounds.length) map.fitBounds(bounds, { padding: [20, 20] })
  else map.setView([31.2, 121.4], 7)
})()
