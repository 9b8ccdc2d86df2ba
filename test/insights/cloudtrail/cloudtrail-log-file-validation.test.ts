import logFileValidation from '../../../insights/cloudtrail/cloudtrail-log-file-validation.js';
import { cloudTrail } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

const orgTrailArn = 'arn:aws:cloudtrail:eu-west-1:999999999999:trail/org-trail';

testInsight(logFileValidation, [
  { name: 'validation on', resource: cloudTrail({ logFileValidationEnabled: true }), status: 'pass' },
  { name: 'validation off', resource: cloudTrail({ logFileValidationEnabled: false }), status: 'fail', evidence: { logFileValidationEnabled: false } },
  {
    name: 'setting unreadable',
    resource: cloudTrail({ logFileValidationEnabled: unknown('AccessDeniedException: cloudtrail:DescribeTrails') }),
    status: 'error',
  },
  {
    name: 'organization trail of the management account',
    resource: cloudTrail({ logFileValidationEnabled: false }, { arn: orgTrailArn }),
    status: 'not-applicable',
    reason: /999999999999/,
  },
]);
