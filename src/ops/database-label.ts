/**
 * A database URL as it may appear in a log: a file path as it is, a remote URL without its
 * credentials or query (`?authToken=` is one way to pass a Turso token).
 * @example databaseLabel('libsql://db.example.turso.io?authToken=secret') // 'libsql://db.example.turso.io'
 */
export function databaseLabel(url: string): string {
  if (url.startsWith('file:') || url === ':memory:') return url
  if (!URL.canParse(url)) return 'unparsable database URL'
  const parsed = new URL(url)
  return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`
}
