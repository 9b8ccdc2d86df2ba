/** A pack's 30-day trend as a small inline SVG line, with its reading in text. */
import { percent } from './colour-scale.js';

const WIDTH = 160;
const HEIGHT = 32;

export function TrendLine({ points }: { points: readonly { readonly date: string; readonly score: number | null }[] }) {
  const scored = points.filter((point): point is { date: string; score: number } => point.score !== null);
  if (scored.length < 2) return null;
  const step = WIDTH / (points.length - 1);
  const at = (point: { date: string; score: number }) => {
    const x = points.findIndex((p) => p.date === point.date) * step;
    return `${x.toFixed(1)},${(HEIGHT - 2 - point.score * (HEIGHT - 4)).toFixed(1)}`;
  };
  const first = scored[0]!;
  const last = scored[scored.length - 1]!;
  const label = `Trend over ${points.length} days: ${percent(first.score)} on ${first.date}, ${percent(last.score)} on ${last.date}`;
  return (
    <svg class="trend" width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      <title>{label}</title>
      <polyline fill="none" stroke="#2c7bb6" stroke-width="2" points={scored.map(at).join(' ')} />
    </svg>
  );
}
