import { defineInsight } from '../../src/engine/define-insight.js';
import { trailOfAnotherAccount } from '../judges/trail-owner.js';
import { isUnknown } from '../../src/model/unknown.js';

export default defineInsight({
  id: 'cloudtrail-log-file-validation',
  title: 'CloudTrail trails validate their log files',
  resourceType: 'AWS::CloudTrail::Trail',
  severity: 'medium',
  description: 'Checks that log file integrity validation is enabled on each trail, so that CloudTrail writes signed digest files for its logs.',
  rationale:
    'Without digest files nobody can prove that a log file was not changed or deleted after delivery: an intruder who reaches the log bucket can rewrite history, and an auditor cannot tell (CIS AWS 4.2).',
  remediation: {
    cli: 'aws cloudtrail update-trail --name <trail> --enable-log-file-validation',
    console: 'CloudTrail console > Trails > the trail > General details > Edit > Log file validation: Enabled > Save changes.',
  },
  reads: { self: ['logFileValidationEnabled'] },
  evaluate(trail, { verdict }) {
    const other = trailOfAnotherAccount(trail, verdict);
    if (other !== undefined) return other;
    const enabled = trail.config.logFileValidationEnabled;
    if (isUnknown(enabled)) return verdict.unreadable('log file validation setting', enabled);
    return enabled ? verdict.pass('log file validation is enabled') : verdict.fail('log file validation is disabled', { logFileValidationEnabled: false });
  },
});
