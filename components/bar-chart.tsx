// A horizontal bar chart drawn on the server as SVG (d3-scale for the geometry):
// no client JavaScript. It is decoration for sighted readers; the table beside it
// carries the figures, so the SVG is hidden from assistive technology.
import { scaleBand, scaleLinear } from "d3-scale";

export function BarChart({ rows, width = 560 }: { rows: ReadonlyArray<{ label: string; value: number; text: string }>; width?: number }) {
  const labelWidth = 220;
  const textWidth = 150;
  const barHeight = 26;
  const height = rows.length * (barHeight + 10) + 10;
  const x = scaleLinear()
    .domain([0, Math.max(1, ...rows.map((r) => r.value))])
    .range([0, width - labelWidth - textWidth]);
  const y = scaleBand()
    .domain(rows.map((r) => r.label))
    .range([5, height - 5])
    .padding(0.25);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" aria-hidden="true" focusable="false" className="mb-3 max-w-2xl">
      {rows.map((row) => (
        <g key={row.label} transform={`translate(0, ${y(row.label) ?? 0})`}>
          <text x={labelWidth - 8} y={y.bandwidth() / 2} dominantBaseline="middle" textAnchor="end" fontSize="13" fill="#1b1b1b">
            {row.label.length > 32 ? `${row.label.slice(0, 31)}…` : row.label}
          </text>
          <rect x={labelWidth} width={Math.max(row.value > 0 ? 2 : 0, x(row.value))} height={y.bandwidth()} fill="#1a4480" />
          <text x={labelWidth + x(row.value) + 6} y={y.bandwidth() / 2} dominantBaseline="middle" fontSize="13" fill="#1b1b1b">
            {row.text}
          </text>
        </g>
      ))}
    </svg>
  );
}
