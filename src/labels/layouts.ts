/**
 * The two ways labels are printed, shared by the HTML sheet and the PDF: A4 sheets of 2 × 4
 * labels (105 × 74.25 mm each, edge to edge, for pre-cut label paper) and 100 × 150 mm thermal
 * labels, one a page.
 */
export const labelLayouts = {
  a4: { pageMm: [210, 297], columns: 2, rows: 4 },
  thermal: { pageMm: [100, 150], columns: 1, rows: 1 },
} as const

export type LabelLayout = keyof typeof labelLayouts

export const isLabelLayout = (value: unknown): value is LabelLayout =>
  value === 'a4' || value === 'thermal'

/** Labels on one page of the layout. */
export const perPage = (layout: LabelLayout) =>
  labelLayouts[layout].columns * labelLayouts[layout].rows

/** Splits labels into pages of the layout. */
export function paginate<T>(items: readonly T[], layout: LabelLayout): T[][] {
  const n = perPage(layout)
  const pages: T[][] = []
  for (let i = 0; i < items.length; i += n) pages.push(items.slice(i, i + n))
  return pages
}

/** Millimetres in PDF points (1/72 inch). */
export const mmToPt = (mm: number) => (mm * 72) / 25.4
