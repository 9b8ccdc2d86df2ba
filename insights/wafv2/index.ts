/** wafv2 insights, sorted by id. */
import type { Insight } from '../../src/engine/define-insight.js';
import wafWebAclIpAllowList from './waf-web-acl-ip-allow-list.js';

export const wafv2Insights: readonly Insight[] = [wafWebAclIpAllowList];
