import { useId } from "react";

export interface Bar {
  label: string;
  value: number;
}

const WIDTH = 560;
const LABEL_WIDTH = 220;
const VALUE_WIDTH = 64;
const ROW = 38;
const BAR = 26;
const LABEL_CHARS = 19;

/**
 * A horizontal bar chart drawn as SVG on the server: no client JavaScript, crisp when printed.
 * It has a title and a text description; the caller puts the data table beside it.
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
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = Math.max(1, bars.length) * ROW + 8;
  const scale = (WIDTH - LABEL_WIDTH - VALUE_WIDTH) / max;
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
            const y = index * ROW + 4;
            const short = bar.label.length > LABEL_CHARS ? `${bar.label.slice(0, LABEL_CHARS - 1)}…` : bar.label;
            const length = Math.max(bar.value > 0 ? 2 : 0, bar.value * scale);
            return (
              <g key={`${bar.label}-${index}`}>
                <title>{`${bar.label}: ${bar.value}`}</title>
                <text
                  x={LABEL_WIDTH - 8}
                  y={y + BAR / 2}
                  dominantBaseline="central"
                  textAnchor="end"
                  className="reach-chart-label"
                >
                  {short}
                </text>
                <rect x={LABEL_WIDTH} y={y} width={length} height={BAR} rx={3} className="reach-chart-bar" />
                <text
                  x={LABEL_WIDTH + length + 6}
                  y={y + BAR / 2}
                  dominantBaseline="central"
                  className="reach-chart-value"
                >
                  {bar.value}
                </text>
              </g>
            );
          })}
        </svg>
      ) : null}
    </figure>
  );
}
