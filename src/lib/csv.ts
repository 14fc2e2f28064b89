/**
 * CSV as Excel with Swedish settings opens it on a double click: UTF-8 with a byte order mark (without
 * it Excel reads the file as Windows-1252 and å, ä, ö break), `;` between fields (Swedish Excel's list
 * separator, since `,` is the decimal comma) and CRLF line endings. No `sep=;` line: with one, Excel
 * ignores the byte order mark.
 */
export const BYTE_ORDER_MARK = '\uFEFF';
export const SEPARATOR = ';';
export const LINE_END = '\r\n';

/**
 * One field. Text that starts with = + - @ (or a tab or carriage return) would be run as a formula by
 * Excel (CSV injection, e.g. =HYPERLINK(…) in a comment anyone can write), so it gets a leading ' and
 * is shown as text. Then, per RFC 4180, a field with the separator, a quote or a line break is quoted
 * and its quotes doubled.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvRow(fields: string[]): string {
  return fields.map(csvField).join(SEPARATOR) + LINE_END;
}
