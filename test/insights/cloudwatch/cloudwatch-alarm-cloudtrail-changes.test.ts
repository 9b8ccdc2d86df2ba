import cloudtrailChanges from '../../../insights/cloudwatch/cloudwatch-alarm-cloudtrail-changes.js';
import { testInsight } from '../../support/insight-tester.js';
import { cisMonitoringCases } from './monitoring-world.js';

testInsight(cloudtrailChanges, cisMonitoringCases('cloudtrail-changes'));
