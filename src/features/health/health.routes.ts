import { Hono } from 'hono';
import type { AppEnv } from '../../app-deps.ts';
import { checkHealth } from './health.service.ts';

export const healthRoutes = new Hono<AppEnv>();

/** For monitors and load balancers (docs/deployment.md): 200 when this instance can serve, else 503. */
healthRoutes.get('/halsa', async (c) => {
  const health = await checkHealth(c.get('deps'));
  c.header('Cache-Control', 'no-store');
  return c.json(health, health.status === 'ok' ? 200 : 503);
});
