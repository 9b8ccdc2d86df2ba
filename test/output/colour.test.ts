import { describe, expect, it } from 'vitest';
import { colourEnabled, coloursFor, styleStatus } from '../../src/output/colour.js';

const terminal = { isTTY: true, hasColors: () => true };
const pipe = { isTTY: false };

describe('colourEnabled', () => {
  it.each([
    { name: 'a colour terminal', stream: terminal, env: {}, colour: true },
    { name: 'a pipe or a file', stream: pipe, env: {}, colour: false },
    { name: 'a terminal without colours', stream: { isTTY: true, hasColors: () => false }, env: {}, colour: false },
    { name: 'NO_COLOR on a terminal', stream: terminal, env: { NO_COLOR: '1' }, colour: false },
    { name: 'an empty NO_COLOR', stream: terminal, env: { NO_COLOR: '' }, colour: true },
    { name: 'FORCE_COLOR into a pipe', stream: pipe, env: { FORCE_COLOR: '1' }, colour: true },
    { name: 'FORCE_COLOR=0 on a terminal', stream: terminal, env: { FORCE_COLOR: '0' }, colour: false },
  ])('$name: $colour', ({ stream, env, colour }) => {
    expect(colourEnabled(stream, env)).toBe(colour);
  });

  it('styles statuses only when enabled', () => {
    expect(styleStatus(coloursFor(pipe, {}), 'fail')).toBe('fail');
    expect(styleStatus(coloursFor(terminal, {}), 'fail')).toContain('\u001b[31m');
  });
});
