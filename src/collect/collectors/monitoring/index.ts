/** monitoring collectors (CIS section 5: log groups and metric filters, alarms, SNS topics), sorted by resource type; joined in ../index.ts. */
import type { AnyResourceCollector } from '../../collector.js';
import cloudWatchAlarm from './cloudwatch-alarm.js';
import logsLogGroup from './logs-log-group.js';
import snsTopic from './sns-topic.js';

export const monitoringResourceCollectors: readonly AnyResourceCollector[] = [cloudWatchAlarm, logsLogGroup, snsTopic];
