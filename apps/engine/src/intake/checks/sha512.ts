import { createHash } from 'node:crypto';

/** SHA-512 of the bytes, lower-case hex, as FIT-Connect's `hash.content` carries it. */
export function sha512Hex(bytes: Buffer | string): string {
  return createHash('sha512').update(bytes).digest('hex');
}
