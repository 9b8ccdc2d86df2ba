import pendingDeletion from '../../../insights/kms/kms-key-pending-deletion.js';
import { kmsKey } from '../../../src/model/builders.js';
import { testInsight } from '../../support/insight-tester.js';

// The tester's clock is 2026-06-01T12:00:00Z.
testInsight(pendingDeletion, [
  { name: 'enabled key', resource: kmsKey({ state: 'Enabled' }), status: 'pass' },
  { name: 'disabled key is recoverable: passes with its state named', resource: kmsKey({ state: 'Disabled' }), status: 'pass', reason: /state Disabled/ },
  {
    name: 'BYOK key awaiting material',
    resource: kmsKey({ origin: 'EXTERNAL', rotation: null, state: 'PendingImport' }),
    status: 'pass',
    reason: /PendingImport/,
  },
  {
    name: 'key scheduled for deletion names the date',
    resource: kmsKey({ state: 'PendingDeletion', deletionDate: '2026-06-08T12:00:00.000Z' }),
    status: 'fail',
    reason: /on 2026-06-08T12:00:00.000Z \(in 7 days\)/,
    evidence: { state: 'PendingDeletion', deletionDate: '2026-06-08T12:00:00.000Z' },
  },
  {
    name: 'multi-Region primary waiting for its replicas to be deleted',
    resource: kmsKey({ multiRegion: true, state: 'PendingReplicaDeletion', deletionDate: null }),
    status: 'fail',
    reason: /replica keys/,
  },
  {
    name: 'deletion date already past (stale snapshot)',
    resource: kmsKey({ state: 'PendingDeletion', deletionDate: '2026-05-30T00:00:00.000Z' }),
    status: 'fail',
    reason: /already past/,
  },
  { name: 'AWS-managed key', resource: kmsKey({ manager: 'AWS' }), status: 'not-applicable' },
  { name: 'state Vigil does not know', resource: kmsKey({ state: 'PendingRetirement' }), status: 'error', reason: /PendingRetirement/ },
  { name: 'state named like an object property', resource: kmsKey({ state: 'constructor' }), status: 'error' },
]);
