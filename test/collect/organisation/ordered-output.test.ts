import { describe, expect, it } from 'vitest';
import { OrderedOutput } from '../../../src/collect/organisation/ordered-output.js';

describe('OrderedOutput', () => {
  it('hands parts on in their order, each as soon as the parts before it are complete', () => {
    const handed: string[] = [];
    const output = new OrderedOutput<string>(4, (item) => handed.push(item));
    output.complete(2, ['c1', 'c2']);
    output.complete(1, ['b']);
    expect(handed).toEqual([]);
    output.complete(0, ['a']);
    expect(handed).toEqual(['a', 'b', 'c1', 'c2']);
    expect(output.pending).toBe(1);
    output.complete(3, []);
    expect(handed).toEqual(['a', 'b', 'c1', 'c2']);
    expect(output.pending).toBe(0);
  });

  it('refuses a part completed twice or out of range (a programmer error)', () => {
    const output = new OrderedOutput<number>(2, () => undefined);
    output.complete(0, [1]);
    expect(() => output.complete(0, [1])).toThrow(/part 0 of 2/);
    output.complete(1, []);
    expect(() => output.complete(1, [])).toThrow();
    expect(() => new OrderedOutput<number>(1, () => undefined).complete(2, [])).toThrow();
  });
});
