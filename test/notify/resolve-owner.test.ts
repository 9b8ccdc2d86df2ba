import { describe, expect, it } from 'vitest';
import type { AccountEntry } from '../../src/config/account-entry.js';
import { resolveOwner, type OwnerClues } from '../../src/notify/resolve-owner.js';

const account: AccountEntry = { id: '111122223333', name: 'payments-prod', owner: { name: 'Payments', email: 'payments@bank.example' } };
const rules = { fallbackChannel: '#cloud-alerts' };

describe('resolveOwner', () => {
  const cases: { name: string; clues: OwnerClues; rules?: { ownerTags?: string[]; fallbackChannel?: string }; owner: unknown }[] = [
    { name: 'owner tag with an e-mail', clues: { tags: { owner: 'alice@bank.example' }, account }, owner: { email: 'alice@bank.example', via: 'tag' } },
    {
      name: 'several owner tags combine, first of each kind wins',
      clues: { tags: { team: 'Payments', 'owner-slack': '#payments-eng', 'owner-email': 'bob@bank.example' }, account },
      owner: { name: 'Payments', email: 'bob@bank.example', slack: '#payments-eng', via: 'tag' },
    },
    {
      name: 'a team tag without a contact falls through to the creator, keeping the team name',
      clues: { tags: { team: 'Payments' }, creator: 'arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Admin/carol@bank.example', account },
      owner: { name: 'Payments', email: 'carol@bank.example', via: 'creator' },
    },
    {
      name: 'a creator that is only a user name falls through to the account owner',
      clues: { tags: {}, creator: 'arn:aws:iam::111122223333:user/deploy-bot', account },
      owner: { name: 'Payments', email: 'payments@bank.example', via: 'account' },
    },
    {
      name: 'no tags, no creator: the account owner',
      clues: { tags: { Name: 'x' }, account },
      owner: { name: 'Payments', email: 'payments@bank.example', via: 'account' },
    },
    { name: 'nothing: the fallback channel', clues: { tags: {} }, owner: { slack: '#cloud-alerts', via: 'fallback' } },
    { name: 'nothing and no fallback: nobody', clues: { tags: {} }, rules: {}, owner: undefined },
    {
      name: 'configured tag keys replace the defaults',
      clues: { tags: { owner: 'ignored@bank.example', 'cost-owner': 'dana@bank.example' } },
      rules: { ownerTags: ['cost-owner'], fallbackChannel: '#cloud-alerts' },
      owner: { email: 'dana@bank.example', via: 'tag' },
    },
    { name: 'a Slack user id in a tag', clues: { tags: { owner: 'U0123ABCD' } }, owner: { slack: 'U0123ABCD', via: 'tag' } },
    { name: 'an empty tag is no tag', clues: { tags: { owner: '  ' }, account }, owner: { name: 'Payments', email: 'payments@bank.example', via: 'account' } },
  ];
  it.each(cases)('$name', ({ clues, rules: caseRules, owner }) => {
    expect(resolveOwner(clues, caseRules ?? rules)).toEqual(owner);
  });
});
