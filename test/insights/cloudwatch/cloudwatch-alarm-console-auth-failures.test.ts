import consoleAuthFailures from '../../../insights/cloudwatch/cloudwatch-alarm-console-auth-failures.js';
import { testInsight } from '../../support/insight-tester.js';
import { cisMonitoringCases } from './monitoring-world.js';

testInsight(consoleAuthFailures, cisMonitoringCases('console-auth-failures'));
