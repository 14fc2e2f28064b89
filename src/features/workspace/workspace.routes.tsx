import { Hono } from 'hono';
import type { AppEnv } from '../../app-deps.ts';
import { renderPage } from '../../web/render.tsx';
import { requireSignIn, signedInViewer } from '../auth/guards.tsx';
import { WorkspacePage } from './views/workspace-page.tsx';
import { loadWorkspace } from './workspace.service.ts';

export const workspaceRoutes = new Hono<AppEnv>();

workspaceRoutes.get('/arbetsyta', requireSignIn(), async (c) => {
  const t = c.var.t;
  const workspace = await loadWorkspace(c.get('deps'), signedInViewer(c));
  const done = c.req.query('klart');
  const notice = done === 'borttagen' ? t.register.deleted : undefined;
  return renderPage(c, {
    title: t.workspace.title,
    children: <WorkspacePage workspace={workspace} notice={notice} />,
  });
});
