import routeTableChanges from '../../../insights/cloudwatch/cloudwatch-alarm-route-table-changes.js';
import { testInsight } from '../../support/insight-tester.js';
import { cisMonitoringCases } from './monitoring-world.js';

testInsight(routeTableChanges, cisMonitoringCases('route-table-changes'));
