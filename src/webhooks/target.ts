/**
 * Which URLs a webhook may be sent to. A delivery is a request the server makes on a member's
 * behalf, so it must not reach the server's own network (SSRF): only HTTPS, and never a
 * loopback, private, link-local or unique-local address or a `localhost` name.
 * `WEBHOOK_ALLOW_PRIVATE=1` lifts all of this for development, where receivers run locally over
 * plain HTTP. Names are not resolved (Workers cannot); what a public name points to is the
 * owner's responsibility.
 */

export type TargetRefusal = 'NOT_A_URL' | 'NOT_HTTPS' | 'PRIVATE_ADDRESS'

/** Why `url` may not receive webhooks, or null when it may. */
export function webhookTargetRefusal(url: string, allowPrivate: boolean): TargetRefusal | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'NOT_A_URL'
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'NOT_HTTPS'
  if (parsed.username || parsed.password) return 'NOT_A_URL'
  if (allowPrivate) return null
  if (parsed.protocol !== 'https:') return 'NOT_HTTPS'
  return isPrivateHost(parsed.hostname) ? 'PRIVATE_ADDRESS' : null
}

/** `hostname` as the URL parser normalised it (IPv4 dotted, IPv6 in brackets, lower case). */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/\.$/, '')
  if (host === 'localhost' || host.endsWith('.localhost')) return true
  if (host.startsWith('[')) return isPrivateIpv6(host.slice(1, -1))
  const v4 = ipv4(host)
  return v4 !== null && isPrivateIpv4(v4)
}

function ipv4(host: string): number[] | null {
  const parts = host.split('.')
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null
  const bytes = parts.map(Number)
  return bytes.every((b) => b <= 255) ? bytes : null
}

function isPrivateIpv4([a, b]: number[]): boolean {
  return (
    a === 0 || // "this network"
    a === 10 ||
    a === 127 ||
    (a === 100 && b! >= 64 && b! <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) ||
    (a === 172 && b! >= 16 && b! <= 31) ||
    (a === 192 && b === 168) ||
    a! >= 224 // multicast, reserved, broadcast
  )
}

function isPrivateIpv6(address: string): boolean {
  const groups = expandIpv6(address)
  if (!groups) return true // unparseable: refuse rather than guess
  if (groups.every((g) => g === 0)) return true // ::
  if (groups.slice(0, 7).every((g) => g === 0) && groups[7] === 1) return true // ::1
  const first = groups[0]!
  if ((first & 0xfe00) === 0xfc00) return true // fc00::/7 unique local
  if ((first & 0xffc0) === 0xfe80) return true // fe80::/10 link-local
  if ((first & 0xff00) === 0xff00) return true // multicast
  // ::ffff:a.b.c.d (IPv4-mapped) and ::a.b.c.d (IPv4-compatible) reach the IPv4 address.
  if (groups.slice(0, 5).every((g) => g === 0) && (groups[5] === 0xffff || groups[5] === 0)) {
    const v4 = [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255]
    return isPrivateIpv4(v4)
  }
  return false
}

/** The eight 16-bit groups of an IPv6 address, or null (the URL parser writes hex groups only). */
function expandIpv6(address: string): number[] | null {
  const halves = address.split('::')
  if (halves.length > 2) return null
  const parse = (s: string) => (s === '' ? [] : s.split(':').map((g) => parseInt(g, 16)))
  const head = parse(halves[0]!)
  const tail = halves.length === 2 ? parse(halves[1]!) : []
  const fill = 8 - head.length - tail.length
  if (halves.length === 1 ? head.length !== 8 : fill < 0) return null
  const groups = [...head, ...Array<number>(Math.max(fill, 0)).fill(0), ...tail]
  return groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null
}
