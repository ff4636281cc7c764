/** `1234.5` → `1.234,50 €` */
export function formatEuro(amount: number): string {
  const [whole, cents] = (Math.round(Math.abs(amount) * 100) / 100).toFixed(2).split('.');
  return `${amount < 0 ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${cents} €`;
}

/** `2026-04-01` (or a full ISO timestamp) → `01.04.2026` */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : iso;
}

/** Postal address lines of a recipient's address: structured or free text. */
export function addressLinesOf(address: { street: string; postalCode: string; city: string } | string): string[] {
  return typeof address === 'string' ? address.split(/\n|,\s*/).map((line) => line.trim()).filter(Boolean) : [address.street, `${address.postalCode} ${address.city}`];
}
