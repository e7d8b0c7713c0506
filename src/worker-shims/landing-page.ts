// Stands in for graphql-yoga's landing page (its `../landing-page-html.js`, wrangler.toml
// [alias]): the app sets `landingPage: false`, so the page is never served, but yoga imports it
// anyway and it would cost the Worker 12 KiB.
export default ''
