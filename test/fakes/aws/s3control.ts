/**
 * S3 Control (REST-XML): the account's Block Public Access settings — all four on unless the
 * account says none are configured — read with GetPublicAccessBlock and set with PutPublicAccessBlock.
 */
import type { SyntheticAccount } from './account.js';
import { blockSettingsOf } from './s3.js';
import { change } from './state.js';
import { restXmlError, xmlReply, type ServiceHandler } from './wire.js';

const PATH = '/v20180820/configuration/publicAccessBlock';

export function s3control(account: SyntheticAccount): ServiceHandler {
  return (request) => {
    if (request.path !== PATH || (request.method !== 'GET' && request.method !== 'PUT')) {
      return restXmlError('NotImplemented', `the fake S3 Control does not answer ${request.method} ${request.path}`, 501);
    }
    if (request.headers['x-amz-account-id'] !== account.accountId) return restXmlError('AccessDenied', 'wrong account', 403);
    if (request.method === 'PUT') {
      const settings = blockSettingsOf(request.body);
      // The fake keeps the four settings together: all on, or no configuration.
      if (settings.every(Boolean)) change(account, { accountPublicAccessBlock: true });
      else if (!settings.some(Boolean)) change(account, { accountPublicAccessBlock: false });
      else return restXmlError('NotImplemented', 'the fake S3 Control keeps the four Block Public Access settings all on or all off', 501);
      return { status: 200, headers: {}, body: '' };
    }
    if (account.accountPublicAccessBlock === false)
      return restXmlError('NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found', 404);
    return xmlReply(
      '<PublicAccessBlockConfiguration xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/">' +
        '<BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets>' +
        '</PublicAccessBlockConfiguration>',
    );
  };
}
