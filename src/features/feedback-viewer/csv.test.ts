import { describe, expect, it } from 'vitest';
import { csvField, csvRow } from '../../lib/csv.ts';
import { formatCsvTime } from './feedback-viewer.service.ts';

describe('csvField', () => {
  it.each([
    ['plain text', 'Bra sida', 'Bra sida'],
    ['å, ä and ö', 'Lärosäten – öppet hus', 'Lärosäten – öppet hus'],
    ['a comma (not our separator)', 'ja, tack', 'ja, tack'],
    ['the separator', 'a;b', '"a;b"'],
    ['a quote', 'säg "hej"', '"säg ""hej"""'],
    ['a line feed', 'rad 1\nrad 2', '"rad 1\nrad 2"'],
    ['a CRLF', 'rad 1\r\nrad 2', '"rad 1\r\nrad 2"'],
    ['an empty field', '', ''],
  ])('keeps %s as RFC 4180 wants it', (_case, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+46 8 123 45 67', "'+46 8 123 45 67"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['=HYPERLINK("https://evil.example";"Klicka")', `"'=HYPERLINK(""https://evil.example"";""Klicka"")"`],
  ])('turns %j into text Excel will not run', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('leaves a formula character later in the text alone', () => {
    expect(csvField('a=b')).toBe('a=b');
  });
});

describe('csvRow', () => {
  it('joins fields with ; and ends with CRLF', () => {
    expect(csvRow(['a', 'b;c', ''])).toBe('a;"b;c";\r\n');
  });
});

describe('formatCsvTime', () => {
  it('writes Stockholm time in winter and summer', () => {
    expect(formatCsvTime(new Date('2026-11-20T22:30:00Z'))).toBe('2026-11-20 23:30');
    expect(formatCsvTime(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01 23:59');
    expect(formatCsvTime(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02 00:00');
  });
});
