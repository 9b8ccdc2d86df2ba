import { describe, expect, it } from 'vitest';
import { insideWindows, windowDays } from '../../../src/bots/schedule/time-window.js';

const business = [{ days: 'Mon-Fri', from: '07:00', to: '19:00' }];

describe('windowDays', () => {
  it.each([
    ['Mon-Fri', [1, 2, 3, 4, 5]],
    ['Sat,Sun', [6, 7]],
    ['Fri-Mon', [1, 5, 6, 7]],
    ['Mon-Wed,Fri', [1, 2, 3, 5]],
  ])('%s', (days, expected) => expect([...windowDays(days)].sort()).toEqual(expected));
});

describe('insideWindows', () => {
  // Instants in UTC, read on the wall clock of each zone. New York: DST from 2026-03-08 07:00Z to
  // 2026-11-01 06:00Z (UTC-4 inside, UTC-5 outside); Berlin: 2026-03-29 01:00Z to 2026-10-25 01:00Z.
  it.each([
    ['New York, Monday 09:30 EST', 'America/New_York', '2026-12-07T14:30:00Z', true],
    ['New York, Monday 23:30 EST', 'America/New_York', '2026-12-08T04:30:00Z', false],
    ['New York, Monday 06:59 EST', 'America/New_York', '2026-12-07T11:59:00Z', false],
    ['New York, Monday 19:00 EST (end excluded)', 'America/New_York', '2026-12-08T00:00:00Z', false],
    ['New York, Saturday 10:00', 'America/New_York', '2026-12-05T15:00:00Z', false],
    ['New York, Monday after spring forward, 07:30 EDT', 'America/New_York', '2026-03-09T11:30:00Z', true],
    ['New York, same UTC instant an hour earlier is 06:30 EDT', 'America/New_York', '2026-03-09T10:30:00Z', false],
    ['New York, Monday after fall back, 07:30 EST', 'America/New_York', '2026-11-02T12:30:00Z', true],
    ['New York, Monday after fall back, 06:30 EST', 'America/New_York', '2026-11-02T11:30:00Z', false],
    ['New York, Friday before fall back, 18:30 EDT', 'America/New_York', '2026-10-30T22:30:00Z', true],
    ['New York, Friday before fall back, 19:30 EDT', 'America/New_York', '2026-10-30T23:30:00Z', false],
    ['Berlin, Monday after spring forward, 07:30 CEST', 'Europe/Berlin', '2026-03-30T05:30:00Z', true],
    ['Berlin, Monday after spring forward, 06:30 CEST', 'Europe/Berlin', '2026-03-30T04:30:00Z', false],
    ['Berlin, Monday after fall back, 07:30 CET', 'Europe/Berlin', '2026-10-26T06:30:00Z', true],
    ['Berlin, Monday after fall back, 06:30 CET', 'Europe/Berlin', '2026-10-26T05:30:00Z', false],
    ['Berlin, Monday after fall back, 18:30 CET', 'Europe/Berlin', '2026-10-26T17:30:00Z', true],
    ['Berlin, Monday after fall back, 19:30 CET', 'Europe/Berlin', '2026-10-26T18:30:00Z', false],
  ])('%s', (_name, zone, instant, inside) => {
    expect(insideWindows(business, zone, new Date(instant))).toBe(inside);
  });

  it('a window past midnight covers the next morning', () => {
    const night = [{ days: 'Fri', from: '22:00', to: '06:00' }];
    expect(insideWindows(night, 'UTC', new Date('2026-12-11T23:00:00Z'))).toBe(true); // Friday
    expect(insideWindows(night, 'UTC', new Date('2026-12-12T05:00:00Z'))).toBe(true); // Saturday morning
    expect(insideWindows(night, 'UTC', new Date('2026-12-12T23:00:00Z'))).toBe(false); // Saturday night
    expect(insideWindows(night, 'UTC', new Date('2026-12-11T05:00:00Z'))).toBe(false); // Friday morning
  });
});
