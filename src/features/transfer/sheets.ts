import type ExcelJS from 'exceljs';
import { BYTE_ORDER_MARK, csvRow } from '../../lib/csv.ts';

/**
 * A table to hand over as a file: a name, column headings, and rows of text (dates as YYYY-MM-DD) or
 * numbers (counts: whole numbers, written as numbers in XLSX so Excel can sum them).
 */
export type Sheet = { name: string; columns: string[]; rows: (string | number)[][] };

/**
 * CSV that Swedish Excel opens right on a double click (lib/csv.ts: BOM, `;`, CRLF, no formulas). A number
 * has a decimal comma: Swedish Excel reads "72.5" as a date or text (the annual report has shares).
 */
export function sheetAsCsv(sheet: Sheet): string {
  const cell = (value: string | number) =>
    typeof value === 'number' ? String(value).replace('.', ',') : value;
  return BYTE_ORDER_MARK + csvRow(sheet.columns) + sheet.rows.map((row) => csvRow(row.map(cell))).join('');
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An .xlsx workbook (exceljs) with one sheet: bold, frozen headings; dates as real dates shown
 * YYYY-MM-DD, numbers as numbers, everything else as text — never as a formula, so a cell starting
 * with = stays text.
 */
export async function sheetAsXlsx(sheet: Sheet): Promise<Buffer> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'Samverkan';
  const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  worksheet.columns = sheet.columns.map((header, index) => ({
    header,
    key: String(index),
    width: Math.min(
      60,
      Math.max(12, header.length + 2, ...sheet.rows.map((row) => String(row[index] ?? '').length)),
    ),
  }));
  worksheet.getRow(1).font = { bold: true };
  for (const row of sheet.rows) {
    const added = worksheet.addRow(
      row.map((value) =>
        typeof value === 'string' && ISO_DATE.test(value) ? new Date(`${value}T00:00:00Z`) : value,
      ),
    );
    added.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * exceljs is loaded the first time a workbook is made or read: it takes about 0.3 s to load, which every
 * start of the app would otherwise pay (the first answer must come within 3 s, bench/README.md).
 */
export async function loadExcelJs(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
