import { writeFileSync } from 'node:fs';
import { sourceFacts } from '../seeds/source-facts.ts';
import { indicatorDocs } from '../src/features/goals/indicators/indicator-docs.ts';
import { sv } from '../src/web/i18n/sv.ts';

/** npm run docs:indicators — writes docs/indicators.md from the indicators' strings (indicator-docs.ts). */
writeFileSync(new URL('../docs/indicators.md', import.meta.url), indicatorDocs(sv, sourceFacts.goals));
