import { describe, expect, it } from 'vitest';
import { MessagesContext } from '../i18n/context.ts';
import { sv } from '../i18n/sv.ts';
import { BarChart } from './bar-chart.tsx';

async function render(bars: Parameters<typeof BarChart>[0]['bars']): Promise<string> {
  const node = (
    <MessagesContext.Provider value={sv}>
      <BarChart id="test" title="Platser per år" summaryId="test-summary" bars={bars} />
    </MessagesContext.Provider>
  );
  return String(await node.toString());
}

describe('the bar chart', () => {
  it('is an image named by its title and the summary beside it', async () => {
    const html = await render([{ label: '2026', value: 4, text: '4', target: null, targetText: null }]);
    expect(html).toContain('role="img" aria-labelledby="test-title test-summary"');
    expect(html).toContain('<title id="test-title">Platser per år</title>');
  });

  it('writes each value above its bar, and draws no bar for a withheld value or none', async () => {
    const html = await render([
      { label: '2024', value: 10, text: '10', target: null, targetText: null },
      { label: '2025', value: null, text: 'färre än 3', target: null, targetText: null },
      { label: '2026', value: null, text: 'inget värde', target: null, targetText: null },
    ]);
    expect(html.match(/<rect class="chart-bar"/g)).toHaveLength(2); // one bar and the legend's key
    expect(html).toContain('>färre än 3</text>');
    expect(html).toContain('>inget värde</text>');
    expect(html).toContain('>10</text>');
    expect(html).not.toContain('chart-target');
  });

  it('marks a target with a dashed line, a diamond and a label, and says so in the legend', async () => {
    const html = await render([{ label: '2026', value: 4, text: '4', target: 8, targetText: '8' }]);
    expect(html).toContain('<line class="chart-target"');
    expect(html).toContain('<path class="chart-target-marker"');
    expect(html).toContain('>mål 8</text>');
    expect(html).toContain('Mål (streckad linje med romb)');
  });
});
