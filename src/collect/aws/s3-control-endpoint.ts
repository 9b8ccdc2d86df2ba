/**
 * S3 Control's endpoint rules put the account id in front of the host
 * (`111122223333.s3-control.eu-west-1.amazonaws.com`) — also in front of a custom endpoint's
 * authority (`{AccountId}.{url#authority}`), which AWS-compatible endpoints (LocalStack, MinIO
 * gateways) do not serve, and which for an IP address (`111122223333.127.0.0.1:4566`) is not even a
 * URL: the rules then fail before any request is sent. Neither `disableHostPrefix` nor any other
 * client option turns this off, so with a custom endpoint S3 Control gets an endpoint provider that
 * takes the endpoint as it is, signed as the rules sign it (SigV4, name `s3`, the client's region).
 * The account id still travels in the `x-amz-account-id` header, where the API reads it.
 */
/** An endpoint as S3 Control's rules produce one (the auth scheme as the rules write it, not as @smithy/types declares it). */
export interface RulesEndpoint {
  readonly url: URL;
  readonly properties: {
    readonly authSchemes: readonly {
      readonly name: 'sigv4';
      readonly signingName: string;
      readonly signingRegion: string;
      readonly disableDoubleEncoding: boolean;
    }[];
  };
}

export function s3ControlCustomEndpointProvider(endpoint: string, region: string): () => RulesEndpoint {
  const url = new URL(endpoint);
  // As the rules sign S3 Control: the path is not encoded twice.
  return () => ({
    url: new URL(url.href),
    properties: { authSchemes: [{ name: 'sigv4', signingName: 's3', signingRegion: region, disableDoubleEncoding: true }] },
  });
}
