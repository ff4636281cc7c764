import { createHash } from 'node:crypto';

/**
 * An id derived from the job (tenant, job key, purpose): the same job retried after a crash gets
 * the same payment request, Kassenzeichen or order number, so a retry never books twice.
 */
export function stableDigits(parts: readonly string[], digits: number): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return (BigInt(`0x${hex.slice(0, 15)}`) % 10n ** BigInt(digits)).toString().padStart(digits, '0');
}

export function stableHex(parts: readonly string[], length: number): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, length);
}
