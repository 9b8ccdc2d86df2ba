import securityGroupChanges from '../../../insights/cloudwatch/cloudwatch-alarm-security-group-changes.js';
import { testInsight } from '../../support/insight-tester.js';
import { cisMonitoringCases } from './monitoring-world.js';

testInsight(securityGroupChanges, cisMonitoringCases('security-group-changes'));
