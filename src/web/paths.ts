import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Stylesheets and scripts, served under /static (never inline: the CSP allows no inline script or style). */
export const PUBLIC_DIR = path.relative(
  process.cwd(),
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../public'),
);
