import { fullFormats } from 'ajv-formats/dist/formats.js';
import { describe, expect, it } from 'vitest';
import { isDateTime } from '../../src/schemas/formats.js';

const full = (fullFormats['date-time'] as { validate: (text: string) => boolean }).validate;

describe('isDateTime', () => {
  it.each([
    '2026-06-01T12:00:00.000Z',
    '2026-06-01T12:00:00Z',
    '2024-02-29T23:59:59.5Z',
    '2023-02-29T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-00-10T00:00:00Z',
    '2026-04-31T00:00:00Z',
    '2026-06-01T24:00:00Z',
    '2026-06-01T12:60:00Z',
    '2026-06-01T23:59:60Z',
    '2016-12-31T23:59:60Z',
    '2026-06-01T12:00:00.Z',
    '2026-06-01T12:00:00+02:00',
    '2026-06-01t12:00:00z',
    '2026-06-01 12:00:00Z',
    '2026-06-01T12:00:00',
    '2026-6-01T12:00:00Z',
    '20x6-06-01T12:00:00Z',
    '2026-06-01T12:00:00.123456789Z',
    '2026-06-01T12:00:00.12a4Z',
    '',
  ])('%j as ajv-formats reads it', (text) => {
    expect(isDateTime(text)).toBe(full(text));
  });

  it('agrees with ajv-formats on shuffled timestamps', () => {
    const base = '2024-02-29T23:59:59.123Z';
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 5000; i++) {
      const chars = [...base];
      const at = next() % chars.length;
      chars[at] = '0123456789TZ:-.+tz '[next() % 20] ?? '0';
      const text = chars.join('');
      expect(isDateTime(text), text).toBe(full(text));
    }
  });
});
