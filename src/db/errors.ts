/** Errors that mean the database cannot be reached right now (down, restarting, or out of connections). */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
  '08000',
  '08003',
  '08006',
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && UNAVAILABLE_CODES.has(candidate.code)) return true;
    const message = typeof candidate.message === 'string' ? candidate.message : '';
    if (/Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED/i.test(message))
      return true;
    current = candidate.cause;
  }
  return false;
}

/** PostgreSQL's "try again": a deadlock it broke, or a serialization failure. */
const RETRY_CODES = new Set(['40P01', '40001']);

/**
 * Whether a transaction failed only because another one got in its way (PostgreSQL chose it as the
 * deadlock's victim, or it could not be serialized): running it again is the documented answer.
 */
export function isRetryableConflict(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const candidate = current as { code?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && RETRY_CODES.has(candidate.code)) return true;
    current = candidate.cause;
  }
  return false;
}
