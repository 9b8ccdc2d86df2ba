import configChanges from '../../../insights/cloudwatch/cloudwatch-alarm-config-changes.js';
import { testInsight } from '../../support/insight-tester.js';
import { cisMonitoringCases } from './monitoring-world.js';

testInsight(configChanges, cisMonitoringCases('config-changes'));
