/** The recipients a bot param lists (`developers: ['#dev-alerts', 'ops@bank.example']`), shared by the actions that message named people. */
export const RecipientsParam = {
  pattern: '^[a-zA-Z][a-zA-Z0-9]*$',
  description: 'the bot param that lists the recipients (Slack targets or e-mail addresses)',
};

/** The list, or why the param gives none. */
export function recipientsFrom(params: Readonly<Record<string, unknown>>, name: string): string[] | string {
  const to = params[name];
  if (!Array.isArray(to) || to.length === 0 || !to.every((r): r is string => typeof r === 'string' && r !== ''))
    return `param ${name} must list the recipients (Slack targets or e-mail addresses)`;
  return to;
}
