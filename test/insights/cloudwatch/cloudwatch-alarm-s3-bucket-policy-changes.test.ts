import s3BucketPolicyChanges from '../../../insights/cloudwatch/cloudwatch-alarm-s3-bucket-policy-changes.js';
import { testInsight } from '../../support/insight-tester.js';
import { cisMonitoringCases } from './monitoring-world.js';

testInsight(s3BucketPolicyChanges, cisMonitoringCases('s3-bucket-policy-changes'));
