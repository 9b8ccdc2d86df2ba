import { describe, expect, it } from 'vitest';
import { cisFilterPatterns, type CisPatternKey } from '../../../src/analysis/monitoring/cis-filter-patterns.js';
import { andGroups, matchFilterPattern, normaliseTerm, parseFilterPattern, termsOf } from '../../../src/analysis/monitoring/filter-pattern.js';
import { cisBenchmarkTexts } from './cis-benchmark-texts.js';
import { parseOne, printPattern as print, withoutTerm as without } from './pattern-text.js';

const keys = Object.keys(cisFilterPatterns) as CisPatternKey[];

describe('the CIS 5.x patterns', () => {
  it('covers controls 5.1 to 5.15, each with one reading', () => {
    expect(keys.map((key) => cisBenchmarkTexts[key].control)).toEqual(Array.from({ length: 15 }, (_, i) => `5.${i + 1}`));
    for (const key of keys) parseOne(cisFilterPatterns[key].pattern);
  });

  for (const key of keys) {
    const { control, text } = cisBenchmarkTexts[key];
    const required = cisFilterPatterns[key];

    describe(`${control} ${key}`, () => {
      it('the benchmark text, verbatim, matches', () => {
        expect(matchFilterPattern(text, required)).toEqual({ matches: true });
      });

      it('the pattern itself, reordered, re-spaced and re-quoted, matches', () => {
        const expr = parseOne(required.pattern);
        for (const style of [{}, { reverse: true }, { reverse: true, quote: true }, { tight: true }, { tight: true, quote: true, reverse: true }]) {
          expect(matchFilterPattern(print(expr, style), required), print(expr, style)).toEqual({ matches: true });
        }
      });

      it('a pattern missing any one term fails', () => {
        const expr = parseOne(required.pattern);
        for (const term of termsOf(expr)) {
          const rest = without(expr, term);
          if (rest === undefined) continue;
          const result = matchFilterPattern(print(rest), required);
          expect(result, `without (${term})`).toEqual({ matches: false, why: expect.stringContaining(term) });
        }
      });

      it('a pattern with an extra && term fails: it could hide the events', () => {
        const expr = parseOne(required.pattern);
        const narrowed = print({ kind: 'and', operands: [expr, { kind: 'term', term: '$.awsRegion = us-east-1' }] });
        expect(matchFilterPattern(narrowed, required)).toEqual({ matches: false, why: expect.stringContaining('narrows') });
      });

      it('a pattern with an extra || branch matches: it only widens', () => {
        const expr = parseOne(required.pattern);
        const widened = print({ kind: 'or', operands: [{ kind: 'term', term: '$.eventName = ExtraEvent' }, expr] });
        expect(matchFilterPattern(widened, required)).toEqual({ matches: true });
      });

      it('no other control’s benchmark text matches', () => {
        for (const other of keys) {
          if (other !== key) expect(matchFilterPattern(cisBenchmarkTexts[other].text, required).matches, other).toBe(false);
        }
      });
    });
  }
});

describe('matchFilterPattern', () => {
  const unauthorized = cisFilterPatterns['unauthorized-api-calls'];

  it('5.1 of earlier benchmarks, without the delivery and HeadBucket exclusions, lacks terms', () => {
    const result = matchFilterPattern('{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }', unauthorized);
    expect(result).toEqual({ matches: false, why: expect.stringMatching(/sourceIPAddress.*HeadBucket/) });
  });

  it('5.1 with the exclusions on AccessDenied only is wider, and matches', () => {
    const pattern =
      '{ ($.errorCode = "*UnauthorizedOperation") || (($.errorCode = "AccessDenied*") && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket")) }';
    expect(matchFilterPattern(pattern, unauthorized)).toEqual({ matches: true });
  });

  it('a narrowing hidden in an unparenthesised mix fails, since one reading narrows', () => {
    const trail = cisBenchmarkTexts['cloudtrail-changes'].text.replace(/^\{|\}$/g, '');
    // `&&` first: (5.5) || (Foo && us-east-1), which is wider; left to right: (5.5 || Foo) && us-east-1, which narrows.
    const pattern = `{ ${trail} || $.eventName = Foo && $.awsRegion = us-east-1 }`;
    expect(parseFilterPattern(pattern)).toHaveLength(2);
    expect(matchFilterPattern(pattern, cisFilterPatterns['cloudtrail-changes'])).toEqual({ matches: false, why: expect.stringContaining('narrows') });
  });

  it('5.2 accepts the benchmark’s own IAM-user and successful-login refinements, and no other', () => {
    const mfa = cisFilterPatterns['console-signin-without-mfa'];
    const refined =
      '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }';
    expect(matchFilterPattern(refined, mfa)).toEqual({ matches: true });
    expect(
      matchFilterPattern('{ ($.eventName = ConsoleLogin) && ($.additionalEventData.MFAUsed != Yes) && ($.userIdentity.type = AssumedRole) }', mfa).matches,
    ).toBe(false);
  });

  it('reads NOT EXISTS in any case, escaped quotes and unquoted values with spaces', () => {
    expect(
      matchFilterPattern(
        '{$.eventType!="AwsServiceEvent"&&$.userIdentity.invokedBy not   exists&&$.userIdentity.type="Root"}',
        cisFilterPatterns['root-usage'],
      ),
    ).toEqual({
      matches: true,
    });
    expect(normaliseTerm('$.errorMessage = "Failed authentication"')).toBe(normaliseTerm('$.errorMessage =   Failed   authentication '));
    expect(normaliseTerm('$.note = "say \\"hi\\""')).toBe('$.note = say "hi"');
  });

  it('compares values case-sensitively, as CloudWatch Logs does', () => {
    const result = matchFilterPattern(
      cisBenchmarkTexts['cloudtrail-changes'].text.replace('StopLogging', 'stoplogging'),
      cisFilterPatterns['cloudtrail-changes'],
    );
    expect(result).toEqual({ matches: false, why: expect.stringContaining('StopLogging') });
  });

  it('a pattern that is no JSON pattern, is empty or is malformed does not match, and says why', () => {
    for (const pattern of [
      '',
      'ERROR',
      '"AccessDenied"',
      '{ $.eventName = CreateTrail',
      '{ ($.eventName = CreateTrail }',
      '{ eventName = CreateTrail }',
      '{ $.eventName }',
    ]) {
      expect(matchFilterPattern(pattern, cisFilterPatterns['cloudtrail-changes']), pattern).toEqual({
        matches: false,
        why: expect.stringContaining('no JSON filter pattern'),
      });
    }
  });

  it('writes an expression as AND-groups', () => {
    expect(andGroups(parseOne('{ $.a = 1 && ($.b = 2 || $.c = 3) }')).map((group) => [...group])).toEqual([
      ['$.a = 1', '$.b = 2'],
      ['$.a = 1', '$.c = 3'],
    ]);
  });
});
