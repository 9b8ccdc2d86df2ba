/**
 * The server certificate collector against a mocked IAM: ListServerCertificates pages (Marker /
 * IsTruncated) shaped as the IAM API reference documents ServerCertificateMetadata; tags from
 * ListServerCertificateTags pages; errors as IAM raises them (AccessDenied, NoSuchEntity).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  IAMClient,
  IAMServiceException,
  ListServerCertificatesCommand,
  ListServerCertificateTagsCommand,
  NoSuchEntityException,
  type ServerCertificateMetadata,
} from '@aws-sdk/client-iam';
import iamServerCertificate from '../../../src/collect/collectors/iam/server-certificate.js';
import { arnFor } from '../../../src/model/arn.js';
import { unknown } from '../../../src/model/unknown.js';
import { ACCOUNT, byId, OBSERVED_AT, runCollector, sentOperations } from '../support/harness.js';
import { $metadata, accessDenied } from './fixtures.js';

const iam = mockClient(IAMClient);

const certArn = (path: string, name: string) => `arn:aws:iam::${ACCOUNT}:server-certificate${path}${name}`;

function certificate(name: string, path: string, expiration: string, overrides: Partial<ServerCertificateMetadata> = {}): ServerCertificateMetadata {
  return {
    Path: path,
    ServerCertificateName: name,
    ServerCertificateId: `ASCA${name
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, '')
      .padEnd(17, 'X')
      .slice(0, 17)}`,
    Arn: certArn(path, name),
    UploadDate: new Date('2024-05-08T01:02:03.004Z'),
    Expiration: new Date(expiration),
    ...overrides,
  };
}

const PROD = certificate('ProdServerCert', '/company/servercerts/', '2027-05-08T01:02:03.004Z');
const LEGACY = certificate('legacy-api', '/', '2025-11-30T23:59:59.000Z');
const CDN = certificate('cdn-example-com', '/cloudfront/', '2026-08-01T00:00:00.000Z');
const SPARE = certificate('spare', '/', '2028-01-01T00:00:00.000Z');

/** Marker → page; the first page has no marker. */
let PAGES: Record<string, { certificates: ServerCertificateMetadata[]; next?: string }>;

const TAG_PAGES: Record<string, { Key: string; Value: string }[]> = {
  '': [{ Key: 'owner', Value: 'platform' }],
  'tags-2': [{ Key: 'service', Value: 'checkout' }],
  'tags-3': [{ Key: 'ticket', Value: 'SEC-112' }],
};

beforeEach(() => {
  iam.reset();
  PAGES = {
    '': { certificates: [PROD], next: 'AAEAAWNlcnQtMg==' },
    'AAEAAWNlcnQtMg==': { certificates: [LEGACY, CDN], next: 'AAEAAWNlcnQtMw==' },
    'AAEAAWNlcnQtMw==': { certificates: [SPARE] },
  };
  iam.on(ListServerCertificatesCommand).callsFake((input: { Marker?: string }) => {
    const page = PAGES[input.Marker ?? ''];
    if (page === undefined) throw new Error(`no page for marker ${input.Marker}`);
    return {
      ServerCertificateMetadataList: page.certificates,
      IsTruncated: page.next !== undefined,
      ...(page.next !== undefined ? { Marker: page.next } : {}),
      $metadata,
    };
  });
  iam.on(ListServerCertificateTagsCommand).callsFake((input: { ServerCertificateName: string; Marker?: string }) => {
    if (input.ServerCertificateName !== 'ProdServerCert') return { Tags: [], IsTruncated: false, $metadata };
    const marker = input.Marker ?? '';
    const next = marker === '' ? 'tags-2' : marker === 'tags-2' ? 'tags-3' : undefined;
    return { Tags: TAG_PAGES[marker], IsTruncated: next !== undefined, ...(next !== undefined ? { Marker: next } : {}), $metadata };
  });
});

describe('IAM server certificate collector', () => {
  it('reads every page and normalises a certificate exactly, with the ARN IAM returns (path included) and tags from every tag page', async () => {
    const { resources, coverage } = await runCollector(iamServerCertificate);
    expect(coverage).toEqual([]);
    expect(iam.commandCalls(ListServerCertificatesCommand).map((call) => call.args[0].input.Marker)).toEqual([
      undefined,
      'AAEAAWNlcnQtMg==',
      'AAEAAWNlcnQtMw==',
    ]);
    expect(iam.commandCalls(ListServerCertificatesCommand).every((call) => call.args[0].input.MaxItems === 1000)).toBe(true);
    expect(resources.map((r) => r.id).sort()).toEqual(['ProdServerCert', 'cdn-example-com', 'legacy-api', 'spare']);
    expect(byId(resources, 'ProdServerCert')).toEqual({
      arn: 'arn:aws:iam::111122223333:server-certificate/company/servercerts/ProdServerCert',
      type: 'AWS::IAM::ServerCertificate',
      accountId: ACCOUNT,
      region: 'global',
      id: 'ProdServerCert',
      name: 'ProdServerCert',
      tags: { owner: 'platform', service: 'checkout', ticket: 'SEC-112' },
      createdAt: '2024-05-08T01:02:03.004Z',
      source: 'api',
      observedAt: OBSERVED_AT,
      config: {
        serverCertificateName: 'ProdServerCert',
        serverCertificateId: PROD.ServerCertificateId,
        path: '/company/servercerts/',
        expiration: '2027-05-08T01:02:03.004Z',
        uploadDate: '2024-05-08T01:02:03.004Z',
      },
    });
    expect(byId(resources, 'cdn-example-com').arn).toBe(certArn('/cloudfront/', 'cdn-example-com'));
    expect(byId(resources, 'legacy-api').config.expiration).toBe('2025-11-30T23:59:59.000Z');
    expect(iam.commandCalls(ListServerCertificateTagsCommand, { ServerCertificateName: 'ProdServerCert' }).map((call) => call.args[0].input.Marker)).toEqual([
      undefined,
      'tags-2',
      'tags-3',
    ]);
  });

  it('the fallback ARN of the type matches what IAM returns for a certificate at the root path', () => {
    expect(arnFor('AWS::IAM::ServerCertificate', ACCOUNT, 'global', 'legacy-api')).toBe(LEGACY.Arn);
  });

  it('AccessDenied on the list: no certificates, and coverage names the IAM action', async () => {
    iam.on(ListServerCertificatesCommand).rejects(accessDenied('iam:ListServerCertificates'));
    const { resources, coverage } = await runCollector(iamServerCertificate);
    expect(resources).toEqual([]);
    expect(coverage).toEqual([
      expect.objectContaining({
        accountId: ACCOUNT,
        service: 'iam',
        operation: 'ListServerCertificates',
        resourceType: 'AWS::IAM::ServerCertificate',
        error: { code: 'AccessDenied', message: expect.stringContaining('iam:ListServerCertificates') },
      }),
    ]);
  });

  it('a page that fails keeps the certificates already read, and coverage says the list is incomplete', async () => {
    iam
      .on(ListServerCertificatesCommand, { Marker: 'AAEAAWNlcnQtMw==' })
      .rejects(
        new IAMServiceException({ name: 'Throttling', $fault: 'client', $metadata: { httpStatusCode: 400, requestId: 'req' }, message: 'Rate exceeded' }),
      );
    const { resources, coverage } = await runCollector(iamServerCertificate);
    expect(resources.map((r) => r.id).sort()).toEqual(['ProdServerCert', 'cdn-example-com', 'legacy-api']);
    expect(coverage).toEqual([expect.objectContaining({ operation: 'ListServerCertificates', error: expect.objectContaining({ code: 'Throttling' }) })]);
  });

  it('a certificate without Expiration keeps it unknown, never a date an insight could pass on', async () => {
    PAGES['']!.certificates = [certificate('ProdServerCert', '/company/servercerts/', '2027-05-08T01:02:03.004Z', { Expiration: undefined })];
    const { resources, coverage } = await runCollector(iamServerCertificate);
    expect(byId(resources, 'ProdServerCert').config.expiration).toEqual(unknown('UnexpectedResponse: iam:ListServerCertificates'));
    expect(coverage).toEqual([
      expect.objectContaining({ resourceArn: PROD.Arn, error: { code: 'UnexpectedResponse', message: 'ListServerCertificates returned no Expiration' } }),
    ]);
  });

  it('a certificate answered without its ARN is kept under the ARN its path and name give', async () => {
    PAGES['AAEAAWNlcnQtMw==']!.certificates = [{ ...SPARE, Arn: undefined }];
    const { resources, coverage } = await runCollector(iamServerCertificate);
    expect(byId(resources, 'spare').arn).toBe(SPARE.Arn);
    expect(coverage).toEqual([]);
  });

  it('a certificate without a name is left out, with a coverage entry: it cannot be told apart', async () => {
    PAGES['AAEAAWNlcnQtMw==']!.certificates = [{ ...SPARE, ServerCertificateName: undefined }];
    const { resources, coverage } = await runCollector(iamServerCertificate);
    expect(resources.map((r) => r.id)).not.toContain('spare');
    expect(coverage).toEqual([
      expect.objectContaining({
        error: expect.objectContaining({ code: 'UnexpectedResponse', message: expect.stringContaining('returned no ServerCertificateName') }),
      }),
    ]);
  });

  it('tags of a certificate deleted between the calls (NoSuchEntity) are unknown; the rest is collected', async () => {
    iam.on(ListServerCertificateTagsCommand, { ServerCertificateName: 'legacy-api' }).rejects(
      new NoSuchEntityException({
        $metadata: { httpStatusCode: 404, requestId: 'req' },
        message: 'The Server Certificate with name legacy-api cannot be found.',
      }),
    );
    const { resources, coverage } = await runCollector(iamServerCertificate);
    // A mocked modelled exception carries its SDK class name; over HTTP the code is NoSuchEntity.
    expect(byId(resources, 'legacy-api').tags).toEqual(unknown('NoSuchEntityException: iam:ListServerCertificateTags'));
    expect(byId(resources, 'legacy-api').config.expiration).toBe('2025-11-30T23:59:59.000Z');
    expect(coverage).toEqual([expect.objectContaining({ operation: 'ListServerCertificateTags', resourceArn: LEGACY.Arn })]);
  });

  it('does not ask for tags when no selected insight reads them', async () => {
    const { resources } = await runCollector(iamServerCertificate, { fields: ['expiration'] });
    expect(new Set(sentOperations(iam.send.getCalls()))).toEqual(new Set(['ListServerCertificates']));
    expect(byId(resources, 'spare').tags).toEqual(unknown('NotCollected: iam:ListServerCertificateTags'));
  });

  it('sends exactly the operations it declares', async () => {
    await runCollector(iamServerCertificate);
    expect([...new Set(sentOperations(iam.send.getCalls()))].sort()).toEqual(iamServerCertificate.operations.map((op) => op.operation).sort());
  });
});
