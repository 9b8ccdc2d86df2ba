/** S3 Control (REST-XML): the account's Block Public Access settings, all four on. */
import type { SyntheticAccount } from './account.js';
import { restXmlError, xmlReply, type ServiceHandler } from './wire.js';

export function s3control(account: SyntheticAccount): ServiceHandler {
  return (request) => {
    if (request.method !== 'GET' || request.path !== '/v20180820/configuration/publicAccessBlock') {
      return restXmlError('NotImplemented', `the fake S3 Control does not answer ${request.method} ${request.path}`, 501);
    }
    if (request.headers['x-amz-account-id'] !== account.accountId) return restXmlError('AccessDenied', 'wrong account', 403);
    return xmlReply(
      '<PublicAccessBlockConfiguration xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/">' +
        '<BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets>' +
        '</PublicAccessBlockConfiguration>',
    );
  };
}
