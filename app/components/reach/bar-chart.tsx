import { useId } from "react";
import { layOutLabels } from "../../domain/chart-labels";

export interface Bar {
  label: string;
  value: number;
}

const WIDTH = 560;
const LABEL_WIDTH = 220;
/** Room for a bar's number when the names go in the legend. */
const NUMBER_WIDTH = 56;
const VALUE_WIDTH = 64;
const ROW = 38;
const BAR = 26;
const LINE = 22;
/** What fits in LABEL_WIDTH at the labels' 20px (an estimate; kept short so no name runs out of the picture). */
const LABEL_CHARS = 19;
const LABEL_LINES = 2;

/**
 * A horizontal bar chart drawn as SVG on the server: no client JavaScript, crisp when printed.
 * It has a title and a text description; the caller puts the data table beside it. Names are
 * never cut: they wrap, or the bars are numbered and a legend gives the names (domain/chart-labels).
 */
export function BarChart({
  title,
  description,
  bars,
  emptyText,
}: {
  title: string;
  description: string;
  bars: Bar[];
  emptyText: string;
}) {
  const id = useId();
  const labels = layOutLabels(
    bars.map((b) => b.label),
    LABEL_CHARS,
    LABEL_LINES,
  );
  const linesOf = (index: number) => (labels.numbered ? [String(index + 1)] : labels.lines[index]);
  const labelWidth = labels.numbered ? NUMBER_WIDTH : LABEL_WIDTH;
  // A row grows with its name's lines; each bar sits in the middle of its row.
  const middles: number[] = [];
  let height = 4;
  bars.forEach((_, index) => {
    const row = Math.max(ROW, linesOf(index).length * LINE + 12);
    middles.push(height + row / 2);
    height += row;
  });
  height = Math.max(height + 4, ROW);
  const max = Math.max(1, ...bars.map((b) => b.value));
  const scale = (WIDTH - labelWidth - VALUE_WIDTH) / max;
  return (
    <figure className="reach-chart" aria-labelledby={`${id}-title`}>
      <figcaption>
        <h3 id={`${id}-title`}>{title}</h3>
        <p id={`${id}-desc`}>{bars.length ? description : emptyText}</p>
      </figcaption>
      {bars.length ? (
        <svg
          viewBox={`0 0 ${WIDTH} ${height}`}
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          className="reach-chart-svg"
        >
          {bars.map((bar, index) => {
            const middle = middles[index];
            const lines = linesOf(index);
            const length = Math.max(bar.value > 0 ? 2 : 0, bar.value * scale);
            return (
              <g key={`${bar.label}-${index}`}>
                <title>{`${bar.label}: ${bar.value}`}</title>
                <text textAnchor="end" dominantBaseline="central" className="reach-chart-label">
                  {lines.map((line, n) => (
                    <tspan key={n} x={labelWidth - 8} y={middle + (n - (lines.length - 1) / 2) * LINE}>
                      {line}
                    </tspan>
                  ))}
                </text>
                <rect
                  x={labelWidth}
                  y={middle - BAR / 2}
                  width={length}
                  height={BAR}
                  rx={3}
                  className="reach-chart-bar"
                />
                <text x={labelWidth + length + 6} y={middle} dominantBaseline="central" className="reach-chart-value">
                  {bar.value}
                </text>
              </g>
            );
          })}
        </svg>
      ) : null}
      {bars.length && labels.numbered ? (
        <ol className="reach-chart-legend">
          {bars.map((bar, index) => (
            <li key={`${bar.label}-${index}`}>{bar.label}</li>
          ))}
        </ol>
      ) : null}
    </figure>
  );
}
