import type { Context } from 'hono';
import type { AppEnv } from '../app-deps.ts';

/** Statuses the API answers with problem details (each has a Swedish title and a documented type). */
export type ProblemStatus = 400 | 403 | 404 | 405 | 413 | 415 | 421 | 429 | 500 | 503;

export type InvalidParameter = { name: string; reason: string };

/**
 * An error under /api as RFC 9457 problem details (DIGG's REST profile, FEL.01/02): `type` points at the
 * API guide's explanation of the error, `title` and `detail` are Swedish, `instance` is the address asked
 * for, and the request id lets an operator find the log line. Never a stack trace.
 */
export function problemResponse(
  c: Context<AppEnv>,
  status: ProblemStatus,
  options: { detail?: string; invalidParams?: InvalidParameter[] } = {},
) {
  const words = c.var.t.openData.problems;
  const known = words.byStatus[status];
  const url = new URL(c.req.url);
  const body = {
    type: `${c.get('deps').config.baseUrl}/oppna-data/api#fel-${status}`,
    title: known.title,
    status,
    detail: options.detail ?? known.detail,
    instance: `${url.pathname}${url.search}`,
    requestId: c.get('requestId'),
    ...(options.invalidParams ? { invalidParams: options.invalidParams } : {}),
  };
  c.header('Cache-Control', 'no-store');
  return c.body(JSON.stringify(body), status, { 'Content-Type': 'application/problem+json; charset=UTF-8' });
}
