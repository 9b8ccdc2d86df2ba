import rootUsage from '../../../insights/cloudwatch/cloudwatch-alarm-root-usage.js';
import { testInsight } from '../../support/insight-tester.js';
import { cisMonitoringCases } from './monitoring-world.js';

testInsight(rootUsage, cisMonitoringCases('root-usage'));
