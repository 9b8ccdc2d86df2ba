import vpcChanges from '../../../insights/cloudwatch/cloudwatch-alarm-vpc-changes.js';
import { testInsight } from '../../support/insight-tester.js';
import { cisMonitoringCases } from './monitoring-world.js';

testInsight(vpcChanges, cisMonitoringCases('vpc-changes'));
