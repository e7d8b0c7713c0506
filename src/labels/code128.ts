/**
 * Code 128 (ISO/IEC 15417) for the labels' 1-D barcode, which handheld scanners at stations and
 * hubs read: code sets B (printable ASCII) and C (digit pairs), switching to C for runs of four
 * or more digits, with the modulo-103 check symbol. Pure; `modules` is what both the SVG and the
 * PDF draw.
 */

/** Each symbol's six element widths, bar first (eleven modules); 106 is the stop (thirteen). */
// prettier-ignore
const PATTERNS: readonly string[] = [
  '212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213',
  '221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132',
  '221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211',
  '212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313',
  '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331',
  '231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111',
  '314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214',
  '112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111',
  '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141',
  '214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141',
  '114131', '311141', '411131', '211412', '211214', '211232', '2331112',
]

const START_B = 104
const START_C = 105
const CODE_B = 100
const CODE_C = 99
const STOP = 106

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9'

/** How many digits run from `at`. */
function digitRun(text: string, at: number): number {
  let n = 0
  while (isDigit(text[at + n])) n++
  return n
}

/**
 * The symbol values of `text`, start to check symbol (without the stop): set C for a whole
 * even-length digit string or a run of four or more digits, set B otherwise.
 * @throws RangeError for an empty text or a character outside printable ASCII
 */
export function code128Symbols(text: string): number[] {
  if (text.length === 0) throw new RangeError('Code 128 needs at least one character')
  for (const ch of text) {
    const c = ch.charCodeAt(0)
    if (ch.length !== 1 || c < 32 || c > 126) throw new RangeError(`not printable ASCII: ${ch}`)
  }
  const symbols: number[] = []
  const firstRun = digitRun(text, 0)
  let set: 'B' | 'C' = (firstRun === text.length && firstRun % 2 === 0) || firstRun >= 4 ? 'C' : 'B'
  symbols.push(set === 'C' ? START_C : START_B)
  let i = 0
  while (i < text.length) {
    if (set === 'C') {
      if (digitRun(text, i) >= 2) {
        symbols.push(Number(text.slice(i, i + 2)))
        i += 2
        continue
      }
      symbols.push(CODE_B)
      set = 'B'
      continue
    }
    const run = digitRun(text, i)
    // A run worth switching for: four or more digits ending the text or followed by more.
    if (run >= 4) {
      // An odd run keeps its first digit in B so C gets whole pairs.
      if (run % 2 === 1) {
        symbols.push(text.charCodeAt(i) - 32)
        i++
      }
      symbols.push(CODE_C)
      set = 'C'
      continue
    }
    symbols.push(text.charCodeAt(i) - 32)
    i++
  }
  const check = symbols.reduce((sum, s, k) => sum + s * (k === 0 ? 1 : k), 0) % 103
  symbols.push(check)
  return symbols
}

/**
 * The barcode as alternating element widths in modules, bar first, start to stop; the quiet
 * zones around it are `QUIET_ZONE` modules each.
 */
export function code128Modules(text: string): number[] {
  const widths: number[] = []
  for (const s of [...code128Symbols(text), STOP]) {
    for (const w of PATTERNS[s]!) widths.push(Number(w))
  }
  return widths
}

/** The quiet zone scanners need on each side, in modules. */
export const QUIET_ZONE = 10

/**
 * Reads element widths back to text (the test's proof that the encoding is right, and a
 * reference for what a scanner does): checks start, check symbol and stop.
 * @throws Error when the pattern is not a valid Code 128 B/C symbol sequence
 */
export function decodeCode128(widths: readonly number[]): string {
  if ((widths.length - 7) % 6 !== 0) throw new Error('wrong number of elements')
  const count = (widths.length - 7) / 6
  const values: number[] = []
  for (let k = 0; k < count; k++) {
    const pattern = widths.slice(k * 6, k * 6 + 6).join('')
    const v = PATTERNS.indexOf(pattern)
    if (v < 0 || v === STOP) throw new Error(`unknown symbol ${pattern}`)
    values.push(v)
  }
  if (widths.slice(count * 6).join('') !== PATTERNS[STOP]) throw new Error('no stop pattern')
  const check = values.pop()!
  const sum = values.reduce((acc, s, k) => acc + s * (k === 0 ? 1 : k), 0) % 103
  if (sum !== check) throw new Error('check symbol mismatch')
  let set: 'B' | 'C'
  if (values[0] === START_B) set = 'B'
  else if (values[0] === START_C) set = 'C'
  else throw new Error('not a B or C start')
  let text = ''
  for (const v of values.slice(1)) {
    if (set === 'C') {
      if (v === CODE_B) set = 'B'
      else if (v < 100) text += String(v).padStart(2, '0')
      else throw new Error(`unexpected symbol ${v} in set C`)
    } else {
      if (v === CODE_C) set = 'C'
      else if (v < 95) text += String.fromCharCode(v + 32)
      else throw new Error(`unexpected symbol ${v} in set B`)
    }
  }
  return text
}

/** Bars as `[x, width]` in modules from the left edge of the quiet zone. */
export function code128Bars(text: string): { bars: [number, number][]; width: number } {
  const bars: [number, number][] = []
  let x = QUIET_ZONE
  code128Modules(text).forEach((w, k) => {
    if (k % 2 === 0) bars.push([x, w])
    x += w
  })
  return { bars, width: x + QUIET_ZONE }
}

/**
 * An SVG of the barcode: one path of bars in module units, stretched to the box it is placed in
 * (`preserveAspectRatio="none"` keeps bars whole modules wide relative to each other).
 */
export function code128Svg(text: string, height = 40): string {
  const { bars, width } = code128Bars(text)
  const d = bars.map(([x, w]) => `M${x} 0h${w}v${height}h-${w}z`).join('')
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" ` +
    `preserveAspectRatio="none" shape-rendering="crispEdges" aria-hidden="true">` +
    `<path fill="#000" d="${d}"/></svg>`
  )
}
