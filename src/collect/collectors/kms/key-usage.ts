/**
 * The usage AWS documents as following from a KMS key spec when the spec allows only one:
 * symmetric encryption keys encrypt and decrypt, HMAC keys generate and verify MACs. An endpoint
 * that leaves `KeyUsage` out of DescribeKey loses nothing for those keys; for the others (RSA keys
 * encrypt or sign, ECC keys sign or agree keys) nothing follows.
 */
export function usageOfSpec(spec: string | undefined): string | undefined {
  if (spec === 'SYMMETRIC_DEFAULT') return 'ENCRYPT_DECRYPT';
  if (spec?.startsWith('HMAC_') === true) return 'GENERATE_VERIFY_MAC';
  return undefined;
}
