import networkGatewayChanges from '../../../insights/cloudwatch/cloudwatch-alarm-network-gateway-changes.js';
import { testInsight } from '../../support/insight-tester.js';
import { cisMonitoringCases } from './monitoring-world.js';

testInsight(networkGatewayChanges, cisMonitoringCases('network-gateway-changes'));
