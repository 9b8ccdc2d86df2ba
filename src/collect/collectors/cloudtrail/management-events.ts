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
import type { AdvancedEventSelector, EventSelector, GetEventSelectorsResponse } from '@aws-sdk/client-cloudtrail';
import type { CloudTrailTrailConfig } from '../../../model/types/cloudtrail/trail.js';
import type { Unknown } from '../../../model/unknown.js';
import { both, equalsIncluding, NOTHING, ofReadOnly, ofReadWriteType, type Recorded } from './selector-fields.js';

export type ManagementEvents = Exclude<CloudTrailTrailConfig['managementEvents'], Unknown>;

function ofBasic(selector: EventSelector): Recorded {
  // PutEventSelectors documents both defaults: IncludeManagementEvents true, ReadWriteType All.
  if (selector.IncludeManagementEvents === false) return NOTHING;
  if ((selector.ExcludeManagementEventSources ?? []).length > 0) return NOTHING;
  return ofReadWriteType(selector.ReadWriteType);
}

function ofAdvanced(selector: AdvancedEventSelector): Recorded {
  const fields = selector.FieldSelectors ?? [];
  const category = fields.filter((field) => field.Field === 'eventCategory');
  const only = category.length === 1 ? category[0] : undefined;
  // eventCategory takes Equals only; a selector for data or network activity events is not about management events.
  if (only === undefined || !equalsIncluding(only, 'Management')) return NOTHING;
  let recorded: Recorded = { read: true, write: true };
  for (const field of fields) {
    if (field.Field === 'eventCategory') continue;
    if (field.Field !== 'readOnly') return NOTHING;
    const readOnly = ofReadOnly(field);
    if (readOnly === undefined) return NOTHING;
    // Field selectors of one event selector are ANDed.
    recorded = both(recorded, readOnly);
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
