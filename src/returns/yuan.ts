/** Kept for callers written before the parser moved to src/money.ts. */
export { yuanToFen } from '../money'
