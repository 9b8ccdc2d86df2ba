/** Writes parsed filter patterns back as text, in several styles, and takes terms out: test data for the matcher and the monitoring insights. */
import { parseFilterPattern, type Expr } from '../../../src/analysis/monitoring/filter-pattern.js';

export interface PrintStyle {
  /** Operands in reverse order. */
  readonly reverse?: boolean;
  /** Every value in double quotes. */
  readonly quote?: boolean;
  /** No whitespace at all (otherwise extra spaces and line breaks). */
  readonly tight?: boolean;
}

/** The expression as a filter pattern, every operand in parentheses. */
export function printPattern(expr: Expr, style: PrintStyle = {}): string {
  const inner = (e: Expr): string => {
    if (e.kind === 'term') {
      const m = /^(\S+) (!=|<=|>=|=|<|>) (.*)$/.exec(e.term);
      if (m === null) return e.term;
      const [, selector, op, raw] = m as unknown as [string, string, string, string];
      const value = style.quote === true ? `"${raw}"` : raw;
      return style.tight === true ? `${selector}${op}${value}` : `${selector}   ${op}  ${value}`;
    }
    const operands = style.reverse === true ? [...e.operands].reverse() : e.operands;
    const joiner = e.kind === 'and' ? (style.tight === true ? '&&' : ' &&\n  ') : style.tight === true ? '||' : '  ||  ';
    return operands.map((operand) => `(${inner(operand)})`).join(joiner);
  };
  return style.tight === true ? `{${inner(expr)}}` : `{\n  ${inner(expr)}\n}`;
}

/** The only reading of a pattern (it must have one). */
export function parseOne(pattern: string): Expr {
  const readings = parseFilterPattern(pattern);
  if (readings.length !== 1) throw new Error(`${pattern} has ${readings.length} readings`);
  return readings[0] as Expr;
}

/** The expression without the term, or undefined when nothing is left. */
export function withoutTerm(expr: Expr, term: string): Expr | undefined {
  if (expr.kind === 'term') return expr.term === term ? undefined : expr;
  const operands = expr.operands.map((operand) => withoutTerm(operand, term)).filter((operand): operand is Expr => operand !== undefined);
  if (operands.length === 0) return undefined;
  return operands.length === 1 ? operands[0] : { kind: expr.kind, operands };
}
