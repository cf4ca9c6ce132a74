/**
 * Posts against replies per week, as a small inline SVG (no chart library). Screen readers get
 * its <title> and a <desc> with every number; everyone can open the same numbers as a table.
 * Colours come from the page's variables, so it follows the colour scheme.
 */
import type { WeekBucket } from '../shared/messages.ts';
import { dayLabel } from './waited.ts';

const WIDTH = 280;
const HEIGHT = 110;
const TOP = 14; // room for the value above the tallest bar
const BOTTOM = 18; // room for the week labels
const BAR = 16;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function WeekChart({ weekly }: { weekly: readonly WeekBucket[] }) {
  const max = Math.max(1, ...weekly.map((w) => Math.max(w.posts, w.replies)));
  const plot = HEIGHT - TOP - BOTTOM;
  const group = WIDTH / Math.max(1, weekly.length);
  const base = HEIGHT - BOTTOM;
  const description =
    `${weekly.length} weeks, oldest first. ` +
    weekly
      .map(
        (w) =>
          `Week of ${dayLabel(w.weekStart)}: ${count(w.posts, 'post', 'posts')}, ${count(w.replies, 'reply', 'replies')}.`,
      )
      .join(' ');

  const bar = (week: number, series: 'posts' | 'replies', value: number, x: number) => {
    const height = (value / max) * plot;
    return (
      <g key={series}>
        <rect
          class={`bar bar--${series}`}
          data-series={series}
          data-week={week}
          data-value={value}
          x={x}
          y={base - height}
          width={BAR}
          height={height}
          rx={2}
        />
        {value > 0 && (
          <text class="bar__value" x={x + BAR / 2} y={base - height - 3} text-anchor="middle">
            {value}
          </text>
        )}
      </g>
    );
  };

  return (
    <figure class="chart">
      <svg
        data-chart
        role="img"
        aria-labelledby="chart-title chart-desc"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
      >
        <title id="chart-title">Posts and replies per week, last four weeks</title>
        <desc id="chart-desc">{description}</desc>
        <line class="chart__axis" x1={0} x2={WIDTH} y1={base + 0.5} y2={base + 0.5} />
        {weekly.map((w, i) => {
          const middle = group * i + group / 2;
          return (
            <g key={w.weekStart}>
              {bar(i, 'posts', w.posts, middle - BAR - 1)}
              {bar(i, 'replies', w.replies, middle + 1)}
              <text class="chart__label" x={middle} y={HEIGHT - 4} text-anchor="middle">
                {i === weekly.length - 1 ? 'last 7 days' : dayLabel(w.weekStart)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption class="chart__legend">
        <span class="swatch swatch--posts" aria-hidden="true" /> Posts
        <span class="swatch swatch--replies" aria-hidden="true" /> Replies
      </figcaption>
      <details class="chart__table">
        <summary>Show as a table</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              <th scope="col">Posts</th>
              <th scope="col">Replies</th>
            </tr>
          </thead>
          <tbody>
            {weekly.map((w) => (
              <tr key={w.weekStart}>
                <th scope="row">{dayLabel(w.weekStart)}</th>
                <td>{w.posts}</td>
                <td>{w.replies}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
