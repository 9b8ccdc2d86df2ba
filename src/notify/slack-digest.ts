/**
 * An owner digest as a Slack Block Kit message. Everything from the inventory (names, tags,
 * reasons) is escaped for mrkdwn, so a bucket named `<!channel>` cannot ping anyone. At most
 * `pageSize` findings are listed (a message holds at most 50 blocks); the rest are counted.
 */
import { digestTitle, sortedItems, toldBecause, type DigestItem, type OwnerDigest } from './owner-digest.js';

export interface SlackMessage {
  readonly text: string;
  readonly blocks: readonly Record<string, unknown>[];
}

export const SLACK_PAGE_SIZE = 20;

/** Slack's mrkdwn control characters (https://api.slack.com/reference/surfaces/formatting#escaping). */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

const CHANGE_TEXT: Readonly<Record<DigestItem['change'], string>> = {
  new: 'New',
  regressed: 'Back again',
  'due-soon': 'Due soon',
  'bot-run': 'Bot action planned',
};

function itemBlocks(item: DigestItem): Record<string, unknown>[] {
  const { finding } = item;
  const lines = [
    `*${escapeMrkdwn(finding.title)}* — ${finding.severity} · ${CHANGE_TEXT[item.change]}`,
    `\`${escapeMrkdwn(finding.resource.name)}\` (${escapeMrkdwn(finding.resource.type)}) in account ${escapeMrkdwn(finding.resource.accountId)}, ${escapeMrkdwn(finding.resource.region)}`,
    `What is wrong: ${escapeMrkdwn(finding.reason)}`,
  ];
  if (item.remediation !== undefined) {
    lines.push(`Fix in the console: ${escapeMrkdwn(item.remediation.console)}`, `Fix with the CLI: \`${escapeMrkdwn(item.remediation.cli)}\``);
  }
  if (item.botAction !== undefined)
    lines.push(`A bot will ${escapeMrkdwn(item.botAction.what)} on ${escapeMrkdwn(item.botAction.at)} unless it is fixed or exempted.`);
  return [{ type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } }, { type: 'divider' }];
}

export function slackDigest(digest: OwnerDigest, pageSize = SLACK_PAGE_SIZE): SlackMessage {
  const items = sortedItems(digest.items);
  const shown = items.slice(0, pageSize);
  const rest = items.length - shown.length;
  const title = digestTitle(digest);
  const owner = digest.owner;
  const who = owner.name ?? owner.email ?? owner.slack ?? 'owner';
  const blocks: Record<string, unknown>[] = [
    { type: 'header', text: { type: 'plain_text', text: title } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: `To ${escapeMrkdwn(who)}: told because of ${escapeMrkdwn(toldBecause(digest))}.` }] },
    ...shown.flatMap(itemBlocks),
  ];
  if (rest > 0)
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `…and ${rest} more finding${rest === 1 ? '' : 's'} (\`vigil findings\` lists them all).` } });
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Not a problem here? ${escapeMrkdwn(digest.exemptionHelp)}` }] });
  return { text: title, blocks };
}
