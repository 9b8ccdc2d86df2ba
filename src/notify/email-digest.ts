/**
 * An owner digest as an e-mail: HTML built with Preact (every text node escaped by construction),
 * laid out in tables with the styles inlined by juice so Outlook and Gmail keep them, a plain-text
 * part saying the same, and the findings as a CSV attachment.
 */
import juice from 'juice';
import { h, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { stringify } from 'csv-stringify/sync';
import { digestTitle, sortedItems, toldBecause, type DigestItem, type OwnerDigest } from './owner-digest.js';

export interface EmailAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly content: string;
}

export interface EmailMessage {
  readonly to: readonly string[];
  readonly cc?: readonly string[];
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  readonly attachments: readonly EmailAttachment[];
}

const STYLE = `
  body { font-family: Arial, Helvetica, sans-serif; color: #1f2933; }
  table.findings { border-collapse: collapse; width: 100%; }
  table.findings th { background: #243b53; color: #ffffff; text-align: left; padding: 6px; font-size: 13px; }
  table.findings td { border-bottom: 1px solid #d9e2ec; padding: 6px; font-size: 13px; vertical-align: top; }
  td.critical, td.high { color: #b42318; font-weight: bold; }
  code { font-family: Consolas, monospace; font-size: 12px; }
`;

function row(item: DigestItem): VNode {
  const { finding } = item;
  return h(
    'tr',
    null,
    h('td', { class: finding.severity }, finding.severity),
    h(
      'td',
      null,
      h('strong', null, finding.resource.name),
      h('br', null),
      `${finding.resource.type} · ${finding.resource.accountId} · ${finding.resource.region}`,
    ),
    h('td', null, h('strong', null, finding.title), h('br', null), finding.reason),
    h(
      'td',
      null,
      item.remediation === undefined ? '' : [item.remediation.console, h('br', null), h('code', null, item.remediation.cli)],
      item.botAction === undefined ? '' : [h('br', null), `A bot will ${item.botAction.what} on ${item.botAction.at}.`],
    ),
  );
}

function textOf(item: DigestItem): string {
  const { finding } = item;
  return [
    `- [${finding.severity}] ${finding.title}: ${finding.resource.name} (${finding.resource.type}, ${finding.resource.accountId}, ${finding.resource.region})`,
    `  ${finding.reason}`,
    ...(item.remediation === undefined ? [] : [`  Console: ${item.remediation.console}`, `  CLI: ${item.remediation.cli}`]),
    ...(item.botAction === undefined ? [] : [`  A bot will ${item.botAction.what} on ${item.botAction.at}.`]),
  ].join('\n');
}

export function findingsCsv(items: readonly DigestItem[]): string {
  return stringify(
    items.map(({ finding }) => [
      finding.severity,
      finding.title,
      finding.resource.name,
      finding.resource.arn,
      finding.resource.accountId,
      finding.resource.region,
      finding.reason,
    ]),
    { header: true, columns: ['severity', 'title', 'resource', 'arn', 'account', 'region', 'reason'] },
  );
}

export function emailDigest(digest: OwnerDigest, to: readonly string[]): EmailMessage {
  const items = sortedItems(digest.items);
  const subject = digestTitle(digest);
  const intro = `You are told because of ${toldBecause(digest)}.`;
  const document = h(
    'html',
    null,
    h('head', null, h('meta', { charset: 'utf-8' }), h('style', null, STYLE)),
    h(
      'body',
      null,
      h('h2', null, subject),
      h('p', null, intro),
      h(
        'table',
        { class: 'findings', role: 'presentation', cellpadding: 0, cellspacing: 0 },
        h('tr', null, h('th', null, 'Severity'), h('th', null, 'Resource'), h('th', null, 'What is wrong'), h('th', null, 'How to fix')),
        items.map(row),
      ),
      h('p', null, `Not a problem here? ${digest.exemptionHelp}`),
    ),
  );
  const html = juice(`<!DOCTYPE html>${renderToString(document)}`);
  const text = [subject, '', intro, '', ...items.map(textOf), '', `Not a problem here? ${digest.exemptionHelp}`, ''].join('\n');
  return { to, subject, html, text, attachments: [{ filename: 'findings.csv', contentType: 'text/csv', content: findingsCsv(items) }] };
}
