/**
 * CIS 5.1, and with it the chain every CIS 5.x insight shares (region-monitoring.ts,
 * alarm-chain.ts): each link missing, unreadable or proven, and a proven chain beside unreadable
 * paths. The other fourteen insights run the shared cases for their own pattern.
 */
import { expect } from 'vitest';
import unauthorizedApiCalls from '../../../insights/cloudwatch/cloudwatch-alarm-unauthorized-api-calls.js';
import { accountRegion, cloudTrail, DEFAULT_REGION, logGroup, metricAlarm, snsTopic } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { cisBenchmarkTexts } from '../../analysis/monitoring/cis-benchmark-texts.js';
import { testInsight } from '../../support/insight-tester.js';
import { cisMonitoringCases, inventoryOf, LOG_GROUP, logGroupArn, METRIC, metricFilter, NAMESPACE, usEast1, world } from './monitoring-world.js';

const CIS = cisBenchmarkTexts['unauthorized-api-calls'].text;
const OLD_CIS = '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }';
const LOGGING_ACCOUNT = '222222222222';

const w = world(CIS);
const region = usEast1(w.trail);
const topicArn = w.topic.arn;
const otherTopicArn = snsTopic({}, { id: 'unscanned-topic', accountId: '999999999999' }).arn;

/** The trail with some config replaced. */
const trailWith = (config: Parameters<typeof cloudTrail>[0]) => cloudTrail({ cloudWatchLogsLogGroupArn: logGroupArn(), ...config });
const alarmWith = (config: Parameters<typeof metricAlarm>[0]) =>
  metricAlarm({ metrics: [{ namespace: NAMESPACE, metricName: METRIC }], ...config }, { id: 'cis-alarm' });
const groupWith = (config: Parameters<typeof logGroup>[0]) => logGroup(config, { id: LOG_GROUP });

// A central logging account: the trail delivers to its log group, whose alarm and topic live there too.
const central = {
  trail: cloudTrail({ cloudWatchLogsLogGroupArn: logGroupArn('org-trail', LOGGING_ACCOUNT) }),
  logGroup: logGroup({ metricFilters: [metricFilter(CIS)] }, { id: 'org-trail', accountId: LOGGING_ACCOUNT }),
  alarm: metricAlarm(
    { metrics: [{ namespace: NAMESPACE, metricName: METRIC }], alarmActions: [snsTopic({}, { accountId: LOGGING_ACCOUNT }).arn] },
    { id: 'cis-alarm', accountId: LOGGING_ACCOUNT },
  ),
  topic: snsTopic({}, { accountId: LOGGING_ACCOUNT }),
};

const secondTrail = cloudTrail({ cloudWatchLogsLogGroupArn: logGroupArn() }, { id: 'second-trail' });

testInsight(unauthorizedApiCalls, [
  ...cisMonitoringCases('unauthorized-api-calls'),

  // Proven chains.
  {
    name: 'the log group, alarm and topic in a central logging account',
    resource: usEast1(central.trail),
    inventory: inventoryOf(central),
    status: 'pass',
    reason: new RegExp(`log group arn:aws:logs:eu-west-1:${LOGGING_ACCOUNT}:log-group:org-trail`),
  },
  {
    name: 'a metric-math alarm that reads the filter metric among others',
    resource: region,
    inventory: inventoryOf({
      ...w,
      alarm: alarmWith({
        metrics: [
          { namespace: 'AWS/EC2', metricName: 'CPUUtilization' },
          { namespace: NAMESPACE, metricName: METRIC },
        ],
      }),
    }),
    status: 'pass',
  },
  {
    name: 'a confirmed topic beside one that was not collected',
    resource: region,
    inventory: inventoryOf({ ...w, alarm: alarmWith({ alarmActions: [otherTopicArn, topicArn] }) }),
    status: 'pass',
  },
  {
    name: 'a complete chain through one trail beside a trail not in the inventory',
    resource: usEast1(secondTrail, w.trail),
    inventory: inventoryOf(w),
    status: 'pass',
  },
  {
    name: 'a topic with a confirmed and a pending subscription',
    resource: region,
    inventory: inventoryOf({
      ...w,
      topic: snsTopic({
        subscriptions: [
          { protocol: 'email', endpoint: 'new@example.com', confirmed: false },
          { protocol: 'sqs', endpoint: 'arn:aws:sqs:eu-west-1:111111111111:alerts', confirmed: true },
        ],
      }),
    }),
    status: 'pass',
    reason: /subscription sqs arn:aws:sqs/,
  },
  {
    name: 'a wrong filter beside the right one on the same log group',
    resource: region,
    inventory: inventoryOf({ ...w, logGroup: groupWith({ metricFilters: [metricFilter(OLD_CIS, { filterName: 'old-cis' }), metricFilter(CIS)] }) }),
    status: 'pass',
    evidence: {
      chain: [
        { kind: 'trail' },
        { kind: 'log group' },
        { kind: 'metric filter', name: 'cis-filter' },
        { kind: 'metric' },
        { kind: 'alarm' },
        { kind: 'topic' },
        { kind: 'subscription' },
      ],
    },
  },
  {
    name: 'the eu-west-1 region itself, where the trail and log group live',
    resource: accountRegion({ trailArns: [w.trail.arn] }, { region: DEFAULT_REGION }),
    inventory: inventoryOf(w),
    status: 'pass',
  },
  {
    name: 'an allowed region, judged with onlyAllowedRegions',
    resource: region,
    inventory: inventoryOf(w),
    settings: { allowedRegions: ['us-east-1'] },
    params: { onlyAllowedRegions: true },
    status: 'pass',
  },

  // Broken links.
  { name: 'no trail logs the region', resource: usEast1(), status: 'fail', evidence: { missing: ['no trail logs us-east-1'] } },
  {
    name: 'the trail delivers to no log group',
    resource: region,
    inventory: inventoryOf({ ...w, trail: trailWith({ cloudWatchLogsLogGroupArn: null }) }),
    status: 'fail',
    reason: /: no CloudWatch Logs delivery/,
  },
  {
    name: 'a single-region trail, however unreadable its logging status',
    resource: region,
    inventory: inventoryOf({ ...w, trail: trailWith({ isMultiRegionTrail: false, isLogging: unknown('AccessDenied: cloudtrail:GetTrailStatus') }) }),
    status: 'fail',
    reason: /: single-region/,
  },
  {
    name: 'a trail that is not logging',
    resource: region,
    inventory: inventoryOf({ ...w, trail: trailWith({ isLogging: false }) }),
    status: 'fail',
    reason: /: not logging/,
  },
  {
    name: 'a trail recording write-only management events',
    resource: region,
    inventory: inventoryOf({ ...w, trail: trailWith({ managementEvents: 'WriteOnly' }) }),
    status: 'fail',
    reason: /: WriteOnly management events only/,
  },
  {
    name: 'a log group without metric filters',
    resource: region,
    inventory: inventoryOf({ ...w, logGroup: groupWith({ metricFilters: [] }) }),
    status: 'fail',
  },
  {
    name: 'the 5.1 pattern of earlier benchmarks, without the exclusions',
    resource: region,
    inventory: inventoryOf({ ...w, logGroup: groupWith({ metricFilters: [metricFilter(OLD_CIS)] }) }),
    status: 'fail',
    reason: /cis-filter: it lacks .*sourceIPAddress/,
  },
  {
    name: 'no alarm on the filter metric (one on another namespace)',
    resource: region,
    inventory: inventoryOf({ ...w, alarm: alarmWith({ metrics: [{ namespace: 'Custom', metricName: METRIC }] }) }),
    status: 'fail',
    reason: /no alarm watches metric CISBenchmark\/CisMetric of metric filter cis-filter/,
  },
  {
    name: 'an alarm on the metric name in another region than the log group',
    resource: region,
    inventory: [
      w.trail,
      w.logGroup,
      w.topic,
      metricAlarm({ metrics: [{ namespace: NAMESPACE, metricName: METRIC }] }, { id: 'cis-alarm', region: 'us-east-1' }),
    ],
    status: 'fail',
    reason: /no alarm watches/,
  },
  {
    name: 'an alarm with its actions disabled',
    resource: region,
    inventory: inventoryOf({ ...w, alarm: alarmWith({ actionsEnabled: false }) }),
    status: 'fail',
    reason: /actions disabled/,
  },
  {
    name: 'an alarm that only scales an Auto Scaling group',
    resource: region,
    inventory: inventoryOf({
      ...w,
      alarm: alarmWith({ alarmActions: ['arn:aws:autoscaling:eu-west-1:111111111111:scalingPolicy:1a2b:autoScalingGroupName/web:policyName/out'] }),
    }),
    status: 'fail',
    reason: /notifies no SNS topic/,
  },
  {
    name: 'a topic whose only subscription is pending confirmation',
    resource: region,
    inventory: inventoryOf({ ...w, topic: snsTopic({ subscriptions: [{ protocol: 'email', endpoint: 'soc@example.com', confirmed: false }] }) }),
    status: 'fail',
    reason: /has no confirmed subscription \(1 pending confirmation\)/,
  },
  { name: 'a topic nobody subscribed to', resource: region, inventory: inventoryOf({ ...w, topic: snsTopic({ subscriptions: [] }) }), status: 'fail' },
  {
    name: 'a filter that publishes no metric',
    resource: region,
    inventory: inventoryOf({ ...w, logGroup: groupWith({ metricFilters: [metricFilter(CIS, { metricTransformations: [] })] }) }),
    status: 'fail',
    reason: /publishes no metric/,
  },
  {
    name: 'two trails, both broken: each named by its first missing link',
    resource: usEast1(secondTrail, w.trail),
    inventory: inventoryOf({ ...w, alarm: alarmWith({ actionsEnabled: false }) }, cloudTrail({ isLogging: false }, { id: 'second-trail' })),
    status: 'fail',
    evidence: {
      missing: [
        expect.stringMatching(/second-trail: not logging, no CloudWatch Logs delivery/),
        expect.stringMatching(/alarm cis-alarm has its actions disabled/),
      ],
    },
  },

  // Links that could not be read, on the only possible path.
  {
    name: 'the trails of the region unreadable',
    resource: accountRegion({ trailArns: unknown('AccessDenied: cloudtrail:DescribeTrails') }, { region: 'us-east-1' }),
    status: 'error',
  },
  {
    name: 'the only trail not in the inventory',
    resource: region,
    inventory: [w.logGroup, w.alarm, w.topic],
    status: 'error',
    reason: /trail .* is not in the inventory/,
  },
  {
    name: 'the logging status of an otherwise good trail unreadable',
    resource: region,
    inventory: inventoryOf({ ...w, trail: trailWith({ isLogging: unknown('AccessDenied: cloudtrail:GetTrailStatus') }) }),
    status: 'error',
    reason: /logging status \(AccessDenied/,
  },
  {
    name: 'the event selectors of an otherwise good trail unreadable',
    resource: region,
    inventory: inventoryOf({ ...w, trail: trailWith({ managementEvents: unknown('AccessDenied: cloudtrail:GetEventSelectors') }) }),
    status: 'error',
  },
  {
    name: 'the log group not in the inventory (its account was not scanned)',
    resource: usEast1(central.trail),
    inventory: [central.trail],
    status: 'error',
    reason: new RegExp(`log group org-trail \\(account ${LOGGING_ACCOUNT}, eu-west-1\\)`),
  },
  {
    name: 'a trail delivering to something that is no log group ARN',
    resource: region,
    inventory: inventoryOf({ ...w, trail: trailWith({ cloudWatchLogsLogGroupArn: 'arn:aws:s3:::not-a-log-group' }) }),
    status: 'error',
  },
  {
    name: 'the only topic not in the inventory',
    resource: region,
    inventory: inventoryOf({ ...w, alarm: alarmWith({ alarmActions: [otherTopicArn] }) }),
    status: 'error',
    reason: /unscanned-topic is not in the inventory/,
  },
  {
    name: 'the subscriptions of the topic unreadable',
    resource: region,
    inventory: inventoryOf({ ...w, topic: snsTopic({ subscriptions: unknown('AuthorizationErrorException: sns:ListSubscriptions') }) }),
    status: 'error',
    reason: /subscriptions of topic .* could not be read/,
  },
  {
    name: 'one broken path and one unreadable: undecided, with both in the evidence',
    resource: usEast1(secondTrail, w.trail),
    inventory: inventoryOf(
      { ...w, topic: snsTopic({ subscriptions: unknown('AuthorizationErrorException: sns:ListSubscriptions') }) },
      cloudTrail({ isMultiRegionTrail: false }, { id: 'second-trail' }),
    ),
    status: 'error',
    evidence: { missing: [expect.stringContaining('second-trail: single-region')], unread: [expect.stringContaining('could not be read')] },
  },
]);
