import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { Refusal } from '../../lib/refusal.ts';
import { loadExcelJs } from './sheets.ts';

/** A file's rows as text: the first row is the headings. */
export type Table = string[][];

/**
 * Reads an .xlsx workbook (its first sheet) or a CSV file (UTF-8, `;` or `,` between fields, as Swedish
 * Excel or any other program saves it). What it is comes from the bytes, not the name.
 */
export async function readTable(bytes: Uint8Array): Promise<Table> {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  let table: Table;
  try {
    table = isZip ? await readXlsx(bytes) : readCsv(bytes);
  } catch {
    throw new Refusal('transfer.fileUnreadable', { field: 'fil' });
  }
  // NUL is no text (PostgreSQL refuses it): a file holding one is not a spreadsheet of text.
  if (table.some((row) => row.some((cell) => cell.includes('\u0000'))))
    throw new Refusal('transfer.fileUnreadable', { field: 'fil' });
  return table;
}

function readCsv(bytes: Uint8Array): Table {
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const table = parse(text, {
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    bom: true,
  }) as Table;
  return table.map((row) => row.map(withoutFormulaGuard));
}

/** Takes off the ' our export puts before text Excel would run as a formula (lib/csv.ts), as Excel does. */
function withoutFormulaGuard(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const workbook = new (await loadExcelJs()).Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const table: Table = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let column = 1; column <= sheet.columnCount; column++)
      cells.push(cellText(row.getCell(column).value));
    table.push(cells);
  });
  return table;
}

/** A cell as text: a date as YYYY-MM-DD, rich text without its formatting, a formula by its result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}
