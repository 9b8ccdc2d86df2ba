import iamPolicyChanges from '../../../insights/cloudwatch/cloudwatch-alarm-iam-policy-changes.js';
import { testInsight } from '../../support/insight-tester.js';
import { cisMonitoringCases } from './monitoring-world.js';

testInsight(iamPolicyChanges, cisMonitoringCases('iam-policy-changes'));
