/**
 * What CloudTrail event selectors say about read and write events, shared by the readings of
 * management events and of S3 data events from one GetEventSelectors answer.
 */
import type { AdvancedFieldSelector } from '@aws-sdk/client-cloudtrail';

/** Whether read events, write events, or both pass a selector. */
export interface Recorded {
  readonly read: boolean;
  readonly write: boolean;
}

export const NOTHING: Recorded = { read: false, write: false };

/** Both kinds pass a selector only if they pass each of its conditions (field selectors are ANDed). */
export function both(a: Recorded, b: Recorded): Recorded {
  return { read: a.read && b.read, write: a.write && b.write };
}

/** A basic selector's ReadWriteType; PutEventSelectors documents `All` as the default. */
export function ofReadWriteType(type: string | undefined): Recorded {
  switch (type ?? 'All') {
    case 'All':
      return { read: true, write: true };
    case 'ReadOnly':
      return { read: true, write: false };
    case 'WriteOnly':
      return { read: false, write: true };
    default:
      return NOTHING;
  }
}

const OPERATORS = ['Equals', 'StartsWith', 'EndsWith', 'NotEquals', 'NotStartsWith', 'NotEndsWith'] as const;
export type Operator = (typeof OPERATORS)[number];

/** The operators a field selector uses, with their values. */
export function operatorsOf(field: AdvancedFieldSelector): [Operator, string[]][] {
  return OPERATORS.flatMap((op) => (field[op] !== undefined && field[op].length > 0 ? [[op, field[op]] as [Operator, string[]]] : []));
}

/** Whether the field selector uses only `Equals` and lists `value` among its values (`eventCategory`, `resources.type`). */
export function equalsIncluding(field: AdvancedFieldSelector, value: string): boolean {
  return operatorsOf(field).every(([op]) => op === 'Equals') && (field.Equals ?? []).includes(value);
}

/** `readOnly` as Equals true/false (or NotEquals, its mirror); anything else is not understood. */
export function ofReadOnly(field: AdvancedFieldSelector): Recorded | undefined {
  const ops = operatorsOf(field);
  if (ops.length !== 1) return undefined;
  const [op, values] = ops[0] as [Operator, string[]];
  const wants = (value: 'true' | 'false') => values.includes(value);
  if (values.some((value) => value !== 'true' && value !== 'false')) return undefined;
  if (op === 'Equals') return { read: wants('true'), write: wants('false') };
  if (op === 'NotEquals') return { read: !wants('true'), write: !wants('false') };
  return undefined;
}
