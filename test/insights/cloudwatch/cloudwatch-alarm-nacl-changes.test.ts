import naclChanges from '../../../insights/cloudwatch/cloudwatch-alarm-nacl-changes.js';
import { testInsight } from '../../support/insight-tester.js';
import { cisMonitoringCases } from './monitoring-world.js';

testInsight(naclChanges, cisMonitoringCases('nacl-changes'));
