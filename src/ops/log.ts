/**
 * Structured logs: one JSON object per line through the console, which both runtimes have. On
 * Node that is stdout and stderr (what a container runtime, journald or a log shipper collects);
 * on Workers it is Workers Logs, which indexes a JSON line's fields. That is all a logger has to
 * do here, so it is these few lines rather than a library: the common Node loggers write to
 * streams and need shims on Workers, and neither runtime needs more than the console.
 *
 * Fields are what the caller names, so a line holds only what was chosen for it; errors are
 * reduced to their name, message, stack and cause, with SQL parameters (which can carry
 * passwords' hashes, tokens or encrypted contacts) left out.
 */
import { DrizzleQueryError } from 'drizzle-orm'

export type LogFields = Record<string, unknown>

export interface Logger {
  info(msg: string, fields?: LogFields): void
  warn(msg: string, fields?: LogFields): void
  error(msg: string, fields?: LogFields): void
}

type Sink = Pick<Console, 'log' | 'warn' | 'error'>

/**
 * A logger writing `{"time","level","msg",...fields}` lines to `sink` (the console by default).
 * @example jsonLogger().info('request', { route: '/bookings', status: 200 })
 */
export function jsonLogger(sink: Sink = console, now: () => Date = () => new Date()): Logger {
  const line = (level: string, msg: string, fields?: LogFields) =>
    JSON.stringify({ time: now().toISOString(), level, msg, ...fields }, jsonSafe)
  return {
    info: (msg, fields) => sink.log(line('info', msg, fields)),
    warn: (msg, fields) => sink.warn(line('warn', msg, fields)),
    error: (msg, fields) => sink.error(line('error', msg, fields)),
  }
}

function jsonSafe(_key: string, value: unknown): unknown {
  if (value instanceof Error) return errorFields(value)
  if (typeof value === 'bigint') return value.toString()
  return value
}

/** What a log line says about an error: enough to find the fault, never the statement's values. */
export function errorFields(error: Error, depth = 0): LogFields {
  const fields: LogFields = { name: error.name, message: error.message, stack: error.stack }
  if (error instanceof DrizzleQueryError) {
    // Its message and stack end with `params: …`, the statement's bound values.
    const safe = `Failed query: ${error.query}`
    fields.message = safe
    fields.stack = error.stack?.replace(error.message, safe)
  }
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string' || typeof code === 'number') fields.code = code
  if (error.cause !== undefined && depth < 3) {
    fields.cause = error.cause instanceof Error ? errorFields(error.cause, depth + 1) : error.cause
  }
  return fields
}
