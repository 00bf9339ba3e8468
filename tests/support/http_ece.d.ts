/** The part of http_ece (RFC 8188 encrypted content-encoding, no published types) the tests use. */
declare module 'http_ece' {
  import type { ECDH } from 'node:crypto';

  interface DecryptParams {
    version?: 'aes128gcm' | 'aesgcm' | 'aesgcm128';
    /** The receiver's key pair; for aes128gcm the sender's public key comes in the header. */
    privateKey?: ECDH;
    /** The subscription's auth secret (RFC 8291), base64url or bytes. */
    authSecret?: string | Buffer;
  }

  const ece: { decrypt(buffer: Buffer, params: DecryptParams): Buffer };
  export default ece;
}
