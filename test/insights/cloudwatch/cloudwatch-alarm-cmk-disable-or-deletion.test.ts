import cmkDisableOrDeletion from '../../../insights/cloudwatch/cloudwatch-alarm-cmk-disable-or-deletion.js';
import { testInsight } from '../../support/insight-tester.js';
import { cisMonitoringCases } from './monitoring-world.js';

testInsight(cmkDisableOrDeletion, cisMonitoringCases('cmk-disable-or-deletion'));
