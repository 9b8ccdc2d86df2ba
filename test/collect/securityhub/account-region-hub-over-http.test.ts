/**
 * The Security Hub subscription through the real SDK client, answered at the HTTP layer in
 * Security Hub's REST-JSON format: DescribeHub is `GET /accounts`; errors carry their type in the
 * `x-amzn-ErrorType` header and `Code`/`Message` in the body. This is where the SDK's reading of
 * the not-subscribed answer (InvalidAccessException, 401) is checked.
 */
import { describe, expect, it } from 'vitest';
import securityHub from '../../../src/collect/collectors/securityhub/account-region-hub.js';
import { unknown } from '../../../src/model/unknown.js';
import { fakeHttp, json, type Reply } from '../support/fake-http.js';
import { ACCOUNT, runSettings } from '../support/harness.js';

const REGION = 'eu-west-1';
const HUB_ARN = `arn:aws:securityhub:${REGION}:${ACCOUNT}:hub/default`;
const NOT_SUBSCRIBED = `Account ${ACCOUNT} is not subscribed to AWS Security Hub`;

describe('the Security Hub subscription over HTTP', () => {
  /** Security Hub's REST-JSON error: the type in x-amzn-ErrorType, Code and Message in the body. */
  function restJsonError(code: string, message: string, status: number): Reply {
    return {
      status,
      headers: { 'content-type': 'application/json', 'x-amzn-errortype': `${code}:http://internal.amazon.com/coral/com.amazonaws.securityhub/` },
      body: JSON.stringify({ Code: code, Message: message }),
    };
  }

  async function run(reply: Reply) {
    const http = fakeHttp(() => reply);
    const result = await runSettings(securityHub, { homeRegion: REGION, clients: { clientConfig: () => ({ requestHandler: http.handler }) } });
    return { ...result, requests: http.requests };
  }

  it('sends GET /accounts and reads the hub', async () => {
    const { settings, requests } = await run(
      json({ HubArn: HUB_ARN, SubscribedAt: '2024-11-19T23:15:10.046Z', AutoEnableControls: true, ControlFindingGenerator: 'SECURITY_CONTROL' }),
    );
    expect(requests.map((r) => [r.method, r.hostname, r.path])).toEqual([['GET', `securityhub.${REGION}.amazonaws.com`, '/accounts']]);
    expect(settings).toEqual({ securityHub: { hubArn: HUB_ARN, subscribedAt: '2024-11-19T23:15:10.046Z', autoEnableControls: true } });
  });

  it('reads the not-subscribed answer off the wire as "not enabled", once, without retrying', async () => {
    const { settings, coverage, requests } = await run(restJsonError('InvalidAccessException', NOT_SUBSCRIBED, 401));
    expect(settings).toEqual({ securityHub: null });
    expect(coverage).toEqual([]);
    expect(requests).toHaveLength(1);
  });

  it('reads AccessDeniedException off the wire as unknown', async () => {
    const { settings, coverage } = await run(
      restJsonError(
        'AccessDeniedException',
        `User: arn:aws:sts::${ACCOUNT}:assumed-role/vigil/scan is not authorized to perform: securityhub:DescribeHub`,
        403,
      ),
    );
    expect(settings).toEqual({ securityHub: unknown('AccessDeniedException: securityhub:DescribeHub') });
    expect(coverage).toEqual([expect.objectContaining({ error: expect.objectContaining({ code: 'AccessDeniedException' }) })]);
  });
});
