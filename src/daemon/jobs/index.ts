/** The job kinds, one module each: the explicit registry the runner dispatches on. */
import type { JobKind } from '../job.js';
import bot from './bot.js';
import type { JobDefinition } from './define-job.js';
import maintenance from './maintenance.js';
import outbox from './outbox.js';
import report from './report.js';
import scan from './scan.js';

export const jobDefinitions: { readonly [K in JobKind]: JobDefinition<K> } = { bot, maintenance, outbox, report, scan };
