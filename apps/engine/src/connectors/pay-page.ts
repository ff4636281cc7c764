import type { PaymentRecord } from '@laufweg/connectors';

/** The simulated pay page (German, like the ePayBL page a citizen sees): amount, purpose, items and a button. */
export function payPage(record: PaymentRecord): string {
  const euro = (amount: number): string => `${amount.toFixed(2).replace('.', ',')} €`;
  const items = record.items.map((item) => `<tr><td>${escape(item.description)}</td><td class="amount">${euro(item.amount)}</td></tr>`).join('');
  const action =
    record.status === 'OPEN'
      ? `<form method="post"><button type="submit">Jetzt bezahlen</button></form>`
      : `<p class="done">${record.status === 'PAID' ? `Bezahlt am ${escape(new Date(record.paidAt ?? record.createdAt).toLocaleString('de-DE', { timeZone: 'Europe/Berlin' }))}. Vielen Dank!` : `Diese Zahlung ist ${escape(record.status)}.`}</p>`;
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bezahlen – ${escape(record.purpose)}</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; color: #1d1d1f; }
  .note { background: #fff4ce; padding: .5rem .75rem; border-radius: .25rem; font-size: .9rem; }
  table { width: 100%; border-collapse: collapse; margin: 1rem 0; }
  td { padding: .35rem 0; border-bottom: 1px solid #ddd; } .amount { text-align: right; }
  tfoot td { font-weight: bold; border-bottom: none; }
  button { font-size: 1.1rem; padding: .6rem 1.4rem; background: #005ea8; color: #fff; border: 0; border-radius: .25rem; cursor: pointer; }
  .done { font-weight: bold; color: #136f2e; }
</style>
</head>
<body>
<p class="note">Simulierte Bezahlseite (lokaler Modus) – es fließt kein Geld.</p>
<h1>Zahlung</h1>
<p><strong>Verwendungszweck:</strong> ${escape(record.purpose)}<br><strong>Vorgang:</strong> ${escape(record.reference)}</p>
<table>
<tbody>${items}</tbody>
<tfoot><tr><td>Betrag</td><td class="amount">${euro(record.amount)}</td></tr></tfoot>
</table>
${action}
</body>
</html>
`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
