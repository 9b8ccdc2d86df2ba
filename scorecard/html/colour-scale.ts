/**
 * The heat map's colour scale: ColorBrewer's RdYlBu, a diverging scale readable with every common
 * colour-vision deficiency, in five score bands, plus grey for "no score". Every band has a text
 * label: colour is never the only way a score is told.
 */

export interface Band {
  /** CSS class of a cell in this band. */
  readonly className: string;
  readonly background: string;
  readonly text: string;
  readonly label: string;
  /** Scores at or above this (and below the next band's) fall in the band. */
  readonly from: number;
}

export const bands: readonly Band[] = [
  { className: 's0', background: '#d7191c', text: '#ffffff', label: 'under 50 %', from: 0 },
  { className: 's1', background: '#fdae61', text: '#1a1a1a', label: '50–74 %', from: 0.5 },
  { className: 's2', background: '#ffffbf', text: '#1a1a1a', label: '75–89 %', from: 0.75 },
  { className: 's3', background: '#abd9e9', text: '#1a1a1a', label: '90–99 %', from: 0.9 },
  { className: 's4', background: '#2c7bb6', text: '#ffffff', label: '100 %', from: 1 },
];

/** The band a cell without a band class has: the commonest, so that most cells carry no class. */
export const DEFAULT_BAND = 's4';

export const noScore = { className: 'sn', background: '#e0e0e0', text: '#1a1a1a', label: 'no score' } as const;

export function bandOf(score: number | null): Band | typeof noScore {
  if (score === null) return noScore;
  let found: Band = bands[0]!;
  for (const band of bands) if (score >= band.from) found = band;
  return found;
}

export function percent(score: number | null): string {
  return score === null ? '—' : `${(Math.floor(score * 1000) / 10).toFixed(score === 1 ? 0 : 1)}%`;
}
