/**
 * Which management events a trail records, from GetEventSelectors: basic event selectors
 * (ReadWriteType, IncludeManagementEvents) or advanced ones (eventCategory = Management, readOnly).
 *
 * The model has four answers — All, ReadOnly, WriteOnly, None — and no way to say "all but some".
 * A selector that records management events only in part (basic `ExcludeManagementEventSources`,
 * an advanced `eventSource NotEquals kms.amazonaws.com`, a field or operator this module does not
 * know) is therefore counted as recording none of them: the answer may understate what a trail
 * records, never overstate it, so a trail that skips KMS events can never pass an "all management
 * events" check.
 */
import type { AdvancedEventSelector, AdvancedFieldSelector, EventSelector, GetEventSelectorsResponse } from '@aws-sdk/client-cloudtrail';
import type { CloudTrailTrailConfig } from '../../../model/types/other.js';
import type { Unknown } from '../../../model/unknown.js';

export type ManagementEvents = Exclude<CloudTrailTrailConfig['managementEvents'], Unknown>;

interface Recorded {
  read: boolean;
  write: boolean;
}

const NOTHING: Recorded = { read: false, write: false };

function ofBasic(selector: EventSelector): Recorded {
  // PutEventSelectors documents both defaults: IncludeManagementEvents true, ReadWriteType All.
  if (selector.IncludeManagementEvents === false) return NOTHING;
  if ((selector.ExcludeManagementEventSources ?? []).length > 0) return NOTHING;
  switch (selector.ReadWriteType ?? 'All') {
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

/** The operators a field selector uses, with their values. */
function operatorsOf(field: AdvancedFieldSelector): [string, string[]][] {
  return OPERATORS.flatMap((op) => (field[op] !== undefined && field[op].length > 0 ? [[op, field[op]] as [string, string[]]] : []));
}

/** `readOnly` as Equals true/false (or NotEquals, its mirror); anything else is not understood. */
function ofReadOnly(field: AdvancedFieldSelector): Recorded | undefined {
  const ops = operatorsOf(field);
  if (ops.length !== 1) return undefined;
  const [op, values] = ops[0] as [string, string[]];
  const wants = (value: 'true' | 'false') => values.includes(value);
  if (values.some((value) => value !== 'true' && value !== 'false')) return undefined;
  if (op === 'Equals') return { read: wants('true'), write: wants('false') };
  if (op === 'NotEquals') return { read: !wants('true'), write: !wants('false') };
  return undefined;
}

function ofAdvanced(selector: AdvancedEventSelector): Recorded {
  const fields = selector.FieldSelectors ?? [];
  const category = fields.filter((field) => field.Field === 'eventCategory');
  const only = category.length === 1 ? category[0] : undefined;
  // eventCategory takes Equals only; a selector for data or network activity events is not about management events.
  if (only === undefined || operatorsOf(only).some(([op]) => op !== 'Equals') || !(only.Equals ?? []).includes('Management')) return NOTHING;
  let recorded: Recorded = { read: true, write: true };
  for (const field of fields) {
    if (field.Field === 'eventCategory') continue;
    if (field.Field !== 'readOnly') return NOTHING;
    const readOnly = ofReadOnly(field);
    if (readOnly === undefined) return NOTHING;
    // Field selectors of one event selector are ANDed.
    recorded = { read: recorded.read && readOnly.read, write: recorded.write && readOnly.write };
  }
  return recorded;
}

/** The management events the trail's selectors record in full (event selectors of a trail are ORed). */
export function managementEventsOf(response: Pick<GetEventSelectorsResponse, 'EventSelectors' | 'AdvancedEventSelectors'>): ManagementEvents {
  const recorded = [...(response.EventSelectors ?? []).map(ofBasic), ...(response.AdvancedEventSelectors ?? []).map(ofAdvanced)].reduce(
    (a, b) => ({ read: a.read || b.read, write: a.write || b.write }),
    NOTHING,
  );
  if (recorded.read && recorded.write) return 'All';
  if (recorded.read) return 'ReadOnly';
  if (recorded.write) return 'WriteOnly';
  return 'None';
}
