import consoleSigninWithoutMfa from '../../../insights/cloudwatch/cloudwatch-alarm-console-signin-without-mfa.js';
import { testInsight } from '../../support/insight-tester.js';
import { cisMonitoringCases, inventoryOf, usEast1, world } from './monitoring-world.js';

/** The variant earlier benchmarks give for accounts whose people sign in through SSO. */
const SSO_VARIANT =
  '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }';

const sso = world(SSO_VARIANT);
const assumedRoleOnly = world('{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "AssumedRole") }');

testInsight(consoleSigninWithoutMfa, [
  ...cisMonitoringCases('console-signin-without-mfa'),
  { name: 'the benchmark’s IAM-user, successful-login variant', resource: usEast1(sso.trail), inventory: inventoryOf(sso), status: 'pass' },
  {
    name: 'a filter narrowed to assumed roles, which hides IAM users',
    resource: usEast1(assumedRoleOnly.trail),
    inventory: inventoryOf(assumedRoleOnly),
    status: 'fail',
    reason: /narrows the pattern/,
  },
]);
