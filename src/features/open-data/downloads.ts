import { BYTE_ORDER_MARK, csvRow } from '../../lib/csv.ts';
import { CC0_URL } from './api-app.ts';

/**
 * The bulk downloads (issue 12, item 4): every public record of a dataset in one file, the same items
 * the API lists. JSON keeps them exactly; CSV has one column per top-level field, in the schema's order,
 * with nested values written out readably (the rules are on each dataset's page, sv-open-data-pages.ts
 * csvRules, and here in csvValue).
 */

/** The path of a dataset's page; the downloads are beside it as `<name>.csv` and `<name>.json`. */
export function datasetPath(name: string): string {
  return `/oppna-data/datamangder/${name}`;
}

export const DOWNLOAD_FORMATS = ['csv', 'json'] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

/** The file name a download is saved under. */
export function downloadFileName(name: string, format: DownloadFormat): string {
  return `samverkan-${name}.${format}`;
}

/** The JSON file: the licence, the dataset's page, and every item as the API gives it. */
export function datasetJson(datasetUrl: string, items: readonly unknown[]): string {
  return `${JSON.stringify({ license: CC0_URL, dataset: datasetUrl, items }, null, 2)}\n`;
}

/** The CSV file for Swedish Excel (src/lib/csv.ts): a heading row of field names, then one row per item. */
export function datasetCsv(columns: readonly string[], items: readonly Record<string, unknown>[]): string {
  let text = BYTE_ORDER_MARK + csvRow([...columns]);
  for (const item of items) text += csvRow(columns.map((column) => csvValue(item[column])));
  return text;
}

/**
 * One value as CSV text: null is empty; true/false as in the API; a number with decimals gets a decimal
 * comma (Swedish Excel reads 2.5 as a date or text); dates and times unchanged; a link to another record
 * (an object with id and name) as `name (id)`; a list's values joined by " | "; any other object as
 * `field: value` pairs joined by commas (a document's `url` included: it is the file's address).
 */
export function csvValue(value: unknown, depth = 0): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : String(value).replace('.', ',');
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    return value
      .map((entry) => csvValue(entry, depth + 1))
      .filter((text) => text !== '')
      .join(depth === 0 ? ' | ' : ', ');
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.id === 'string' && typeof record.name === 'string')
      return `${record.name} (${record.id})`;
    return Object.entries(record)
      .filter(([, entry]) => entry !== null && entry !== undefined)
      .map(([key, entry]) => `${key}: ${csvValue(entry, depth + 1)}`)
      .join(', ');
  }
  return String(value);
}
