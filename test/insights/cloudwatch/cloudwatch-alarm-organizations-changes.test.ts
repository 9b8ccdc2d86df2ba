import organizationsChanges from '../../../insights/cloudwatch/cloudwatch-alarm-organizations-changes.js';
import { testInsight } from '../../support/insight-tester.js';
import { cisMonitoringCases } from './monitoring-world.js';

testInsight(organizationsChanges, cisMonitoringCases('organizations-changes'));
