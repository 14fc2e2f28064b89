import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './run-script.ts';

/** Every TypeScript file under src/, with its text. */
function sourceFiles(): { file: string; text: string }[] {
  const files: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
        files.push({ file: path.relative(ROOT, full), text: fs.readFileSync(full, 'utf8') });
    }
  };
  walk(path.join(ROOT, 'src'));
  return files;
}

/** The modules a file imports for their values (not `import type`), as written. */
function valueImports(text: string): string[] {
  return [...text.matchAll(/^import (?!type )[^;]*? from '([^']+)';/gms)].map((match) => match[1] as string);
}

describe('the code’s shape (docs/ARCHITECTURE.md)', () => {
  const files = sourceFiles();

  it('looks text up through the request: only the i18n folder reads a dictionary file', () => {
    const readers = files.filter(
      ({ file, text }) =>
        !file.startsWith('src/web/i18n/') &&
        valueImports(text).some((from) => /i18n\/sv(-[\w-]+)?\.ts$/.test(from)),
    );
    expect(readers.map(({ file }) => file)).toEqual([]);
  });

  it('keeps web/ and lib/ below the features: no value imports from src/features', () => {
    const upward = files.filter(
      ({ file, text }) =>
        (file.startsWith('src/web/') || file.startsWith('src/lib/')) &&
        valueImports(text).some((from) => from.includes('/features/')),
    );
    expect(upward.map(({ file }) => file)).toEqual([]);
  });

  it('checks itself: a value import is found, a type import is not', () => {
    expect(
      valueImports("import { sv } from './i18n/sv.ts';\nimport type { X } from '../features/a.ts';"),
    ).toEqual(['./i18n/sv.ts']);
  });
});
