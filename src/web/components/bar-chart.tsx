import { useT } from '../i18n/context.ts';

/** One bar: its label under the axis, its value (null: no bar) and the text written above it. */
export type ChartBar = {
  label: string;
  value: number | null;
  /** What the bar says: the value, "färre än 3" for a withheld one, "inget värde" for none. */
  text: string;
  /** The year's target (null: none), drawn as a dashed line across the bar's slot with a marker. */
  target: number | null;
  targetText: string | null;
};

const WIDTH = 480;
const HEIGHT = 240;
const TOP = 28;
const BOTTOM = 48;
const SIDE = 8;

/** Coordinates to a tenth: enough for the eye, and the markup stays short. */
function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * A server-rendered bar chart (issue 11) that needs no script: the SVG is an image whose text alternative is
 * its title and the summary the caller writes beside it (`summaryId`); the same numbers stand in a table
 * the caller puts next to it. Values are written above the bars and the target is a dashed line with a
 * diamond and a label under the axis, so nothing depends on colour; everything is drawn in classes of
 * styles.css that fall back to the system colours in forced-colours mode. A bar without a value (withheld
 * or none) is not drawn: its text stands at the base line instead.
 */
export function BarChart({
  id,
  title,
  summaryId,
  bars,
}: {
  id: string;
  title: string;
  summaryId: string;
  bars: ChartBar[];
}) {
  const t = useT().goalPages;
  const highest = Math.max(1, ...bars.flatMap((bar) => [bar.value ?? 0, bar.target ?? 0]));
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = round((WIDTH - 2 * SIDE) / Math.max(1, bars.length));
  const barWidth = round(slot * 0.56);
  const y = (value: number) => round(TOP + plotHeight - (value / highest) * plotHeight);
  const base = TOP + plotHeight;
  return (
    <div class="bar-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${summaryId}`}
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={`${id}-title`}>{title}</title>
        <line class="chart-axis" x1={SIDE} x2={WIDTH - SIDE} y1={base} y2={base} />
        {bars.map((bar, index) => {
          const left = round(SIDE + index * slot);
          const middle = round(left + slot / 2);
          const top = bar.value === null ? base : y(bar.value);
          return (
            <g>
              {bar.value !== null && bar.value > 0 ? (
                <rect
                  class="chart-bar"
                  x={round(middle - barWidth / 2)}
                  y={top}
                  width={barWidth}
                  height={round(base - top)}
                />
              ) : null}
              <text class="chart-value" x={middle} y={top - 6} text-anchor="middle">
                {bar.text}
              </text>
              {bar.target === null ? null : (
                <>
                  <line
                    class="chart-target"
                    x1={left + 4}
                    x2={round(left + slot - 4)}
                    y1={y(bar.target)}
                    y2={y(bar.target)}
                  />
                  <path
                    class="chart-target-marker"
                    d={`M ${left + 4} ${y(bar.target)} l 6 -6 l 6 6 l -6 6 z`}
                  />
                </>
              )}
              <text class="chart-label" x={middle} y={base + 18} text-anchor="middle">
                {bar.label}
              </text>
              {bar.targetText === null ? null : (
                <text class="chart-target-label" x={middle} y={base + 38} text-anchor="middle">
                  {t.chartTarget(bar.targetText)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <ul class="chart-legend">
        <li>
          <svg viewBox="0 0 24 16" class="chart-key" aria-hidden="true" focusable="false">
            <rect class="chart-bar" x="4" y="2" width="16" height="14" />
          </svg>
          {t.legendValue}
        </li>
        {bars.some((bar) => bar.target !== null) ? (
          <li>
            <svg viewBox="0 0 24 16" class="chart-key" aria-hidden="true" focusable="false">
              <line class="chart-target" x1="0" x2="24" y1="8" y2="8" />
              <path class="chart-target-marker" d="M 6 8 l 6 -6 l 6 6 l -6 6 z" />
            </svg>
            {t.legendTarget}
          </li>
        ) : null}
      </ul>
    </div>
  );
}
