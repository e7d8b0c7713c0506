// Copies the browser libraries the pages use from node_modules into static/vendor, so the app
// serves them itself (no CDN) on both runtimes. Run after upgrading htmx, Leaflet (or its
// marker clustering) or zxing-wasm.
import { cpSync, mkdirSync } from 'node:fs'

const files: [string, string][] = [
  ['htmx.org/dist/htmx.min.js', 'htmx.min.js'],
  ['leaflet/dist/leaflet.js', 'leaflet/leaflet.js'],
  ['leaflet/dist/leaflet.css', 'leaflet/leaflet.css'],
  ['leaflet/dist/images', 'leaflet/images'],
  // Marker clustering, so a national network of stations stays readable when zoomed out.
  [
    'leaflet.markercluster/dist/leaflet.markercluster.js',
    'leaflet.markercluster/leaflet.markercluster.js',
  ],
  ['leaflet.markercluster/dist/MarkerCluster.css', 'leaflet.markercluster/MarkerCluster.css'],
  [
    'leaflet.markercluster/dist/MarkerCluster.Default.css',
    'leaflet.markercluster/MarkerCluster.Default.css',
  ],
  // The station scanner's barcode reader (ZXing-C++ compiled to WebAssembly): the IIFE build
  // (global `ZXingWASM`) and its .wasm, which static/scan.js points the reader at.
  ['zxing-wasm/dist/iife/reader/index.js', 'zxing/zxing-reader.js'],
  ['zxing-wasm/dist/reader/zxing_reader.wasm', 'zxing/zxing_reader.wasm'],
]

mkdirSync('static/vendor/leaflet', { recursive: true })
mkdirSync('static/vendor/zxing', { recursive: true })
mkdirSync('static/vendor/leaflet.markercluster', { recursive: true })
for (const [from, to] of files) {
  cpSync(`node_modules/${from}`, `static/vendor/${to}`, { recursive: true })
}
console.log(`vendored ${files.length} assets into static/vendor`)
