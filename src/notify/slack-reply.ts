/** The reply in a digest's thread when findings it announced are resolved: which, and who fixed them. */
import { escapeMrkdwn, type SlackMessage } from './slack-digest.js';

export interface ResolvedItem {
  readonly title: string;
  readonly resourceName: string;
  /** `owner`, a bot's id, or null (nobody in particular). */
  readonly by: string | null;
}

function fixedBy(by: string | null): string {
  return by === null || by === 'owner' ? 'fixed' : `fixed by bot ${escapeMrkdwn(by)}`;
}

export function slackResolvedReply(items: readonly ResolvedItem[]): SlackMessage {
  const text = `Resolved: ${items.length} of the findings above`;
  const lines = items.map((item) => `✓ *${escapeMrkdwn(item.title)}* — \`${escapeMrkdwn(item.resourceName)}\` (${fixedBy(item.by)})`);
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: [`${text}:`, ...lines].join('\n') } }] };
}
