// Draws hubs and stations on a Leaflet map. Markers are plain HTML icons, so they show even
// when map tiles cannot be fetched; a tile failure is announced once, the list stays below.
// Stations are clustered (leaflet.markercluster) so a national network stays readable; a
// station with a number wears the number of its place in the page's list. Points come already
// placed on the tiles' datum. With data-area-url the map also loads the stations in view as it
// moves, for networks too large to carry in the page.
;(function () {
  const el = document.getElementById('map')
  const data = document.getElementById('map-points')
  if (!el || !data || !window.L) return
  const points = JSON.parse(data.textContent || '[]')
  const map = L.map(el, { scrollWheelZoom: false })
  const tiles = L.tileLayer(el.dataset.tileUrl, {
    maxZoom: 18,
    subdomains: el.dataset.tileSubdomains || 'abc',
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

  // Numbered markers stay out of clusters: the list refers to each of them by its number.
  const clusters = L.markerClusterGroup
    ? L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 50 })
    : L.layerGroup()
  clusters.addTo(map)

  function marker(p) {
    const numbered = typeof p.n === 'number'
    const icon = L.divIcon({
      className: 'marker marker--' + p.kind + (numbered ? ' marker--numbered' : ''),
      html: numbered ? String(p.n) : '',
      iconSize: p.kind === 'hub' ? [22, 22] : numbered ? [24, 24] : [14, 14],
    })
    const title = numbered ? p.n + '. ' + p.name : p.name
    const m = L.marker([p.lat, p.lng], {
      icon: icon,
      title: title,
      alt: title,
      zIndexOffset: p.kind === 'hub' ? 1000 : numbered ? 500 : 0,
    })
    const popup = document.createElement('div')
    const strong = document.createElement('strong')
    strong.textContent = title
    popup.appendChild(strong)
    if (p.detail) {
      popup.appendChild(document.createElement('br'))
      popup.appendChild(document.createTextNode(p.detail))
    }
    m.bindPopup(popup)
    return m
  }

  const bounds = []
  for (const p of points) {
    const m = marker(p)
    if (p.kind === 'station' && typeof p.n !== 'number') clusters.addLayer(m)
    else m.addTo(map)
    bounds.push([p.lat, p.lng])
  }
  if (bounds.length) map.fitBounds(bounds, { padding: [20, 20] })
  else map.setView([32.5, 112], 5)

  const areaUrl = el.dataset.areaUrl
  if (!areaUrl) return
  let pending = 0
  let timer = 0
  function load() {
    const b = map.getBounds()
    const url = new URL(areaUrl, window.location.href)
    url.searchParams.set('south', Math.max(-90, b.getSouth()).toFixed(4))
    url.searchParams.set('west', Math.max(-180, b.getWest()).toFixed(4))
    url.searchParams.set('north', Math.min(90, b.getNorth()).toFixed(4))
    url.searchParams.set('east', Math.min(180, b.getEast()).toFixed(4))
    const ticket = ++pending
    fetch(url.href, { headers: { accept: 'application/json' } })
      .then(function (res) {
        return res.ok ? res.json() : null
      })
      .then(function (body) {
        // An answer to an older view must not replace a newer one.
        if (!body || ticket !== pending) return
        clusters.clearLayers()
        const markers = body.points.map(marker)
        if (clusters.addLayers) clusters.addLayers(markers)
        else
          markers.forEach(function (m) {
            clusters.addLayer(m)
          })
      })
      .catch(function () {})
  }
  map.on('moveend', function () {
    clearTimeout(timer)
    timer = setTimeout(load, 250)
  })
  load()
})()
