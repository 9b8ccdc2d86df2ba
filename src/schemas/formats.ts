/**
 * The string formats of Vigil's schemas as every validator checks them: ajv-formats' "full"
 * checks, with a fast path for the timestamp shape Vigil itself writes
 * (`2026-06-01T12:00:00.000Z`), of which a snapshot of a million resources holds millions. The
 * fast path answers only what the full check would; any other text goes to the full check.
 */
import { fullFormats } from 'ajv-formats/dist/formats.js';

const fullDateTime = fullFormats['date-time'] as { validate: (text: string) => boolean };

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** RFC 3339 date-time with a time zone (ajv-formats `date-time`). */
export function isDateTime(text: string): boolean {
  return utcTimestamp(text) ?? fullDateTime.validate(text);
}

/**
 * Reads `YYYY-MM-DDTHH:MM:SS[.fraction]Z`: whether it is a valid instant, or undefined for text
 * of any other shape (offsets, lower-case separators, leap seconds), which the full check decides.
 */
function utcTimestamp(text: string): boolean | undefined {
  const end = text.length - 1;
  if (end < 19 || text.charCodeAt(end) !== 0x5a /* Z */) return undefined;
  if (text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d || text.charCodeAt(10) !== 0x54 /* T */) return undefined;
  if (text.charCodeAt(13) !== 0x3a || text.charCodeAt(16) !== 0x3a) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  if (end > 19) {
    // A fraction: a dot and at least one digit.
    if (end === 20 || text.charCodeAt(19) !== 0x2e || digits(text, 20, end - 20) < 0) return undefined;
  }
  if (second > 59) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month] ?? 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= days && hour <= 23 && minute <= 59;
}

/** The decimal number of `length` digits at `start`, or -1 when a character is no digit. */
function digits(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** The formats Vigil's schemas use, by name: ajv's `formats` option, and what generated validators call. */
export const formats = { 'date-time': isDateTime } as const;
