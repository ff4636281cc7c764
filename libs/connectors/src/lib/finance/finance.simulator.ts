import { isoDateOf, roundToCents } from '../core/amounts';
import type { Clock, ConnectorRecorder } from '../core/ports';
import { stableDigits } from '../core/stable-id';
import type { SimulatedSystem } from '../simulation/simulated-system';
import { type FinanceSystem, type Receivable, type ReceivableCaller, type ReceivableInput, type ReceivableKind, ReceivableRefusedError } from './finance';

export interface FinanceSimulatorSettings {
  /** Days from the receivable to its due date. */
  readonly dueDays: number;
  /** Debtors the finance software refuses (e.g. in insolvency proceedings), compared case-insensitively. */
  readonly refusedDebtors: readonly string[];
}

/** Kassenzeichen prefix per kind (the budget position in a real HKR). */
const PREFIX: Readonly<Record<ReceivableKind, string>> = { fee: '1100', 'dog-tax': '1210', 'parking-fee': '1300', 'business-fee': '1400' };

/**
 * The finance software: refuses negative amounts, an invalid SEPA IBAN and configured debtors;
 * numbers (Kassenzeichen, tax case, dog tag) derive from the job, so a retry books nothing twice.
 */
export class FinanceSimulator implements FinanceSystem {
  constructor(
    private readonly system: SimulatedSystem,
    private readonly settings: FinanceSimulatorSettings,
    private readonly recorder: ConnectorRecorder,
    private readonly clock: Clock,
  ) {}

  createReceivable(input: ReceivableInput, caller: ReceivableCaller): Promise<Receivable> {
    return this.system.call(async () => {
      if (roundToCents(input.amount) < 0) throw new ReceivableRefusedError('Der Betrag darf nicht negativ sein.');
      if (this.settings.refusedDebtors.some((name) => name.toLocaleLowerCase('de-DE') === input.debtor.name.toLocaleLowerCase('de-DE'))) {
        throw new ReceivableRefusedError(`Für ${input.debtor.name} dürfen keine Forderungen angelegt werden (Vollstreckungssperre).`);
      }
      if (input.sepaMandate && !validIban(input.sepaMandate.iban)) throw new ReceivableRefusedError(`Die IBAN ${input.sepaMandate.iban} des SEPA-Mandats ist ungültig.`);
      const now = this.clock.now();
      const year = new Date(now).getUTCFullYear();
      const id = (purpose: string, digits: number): string => stableDigits([caller.tenantId, caller.jobKey, purpose], digits);
      const receivable: Receivable = {
        cashReference: `${PREFIX[input.kind]}.${year}.${id('cash', 6)}`,
        dueDate: isoDateOf(now + this.settings.dueDays * 86_400_000),
        ...(input.kind === 'dog-tax' ? { taxCaseNumber: `HSt-${year}-${id('tax-case', 5)}`, dogTagNumber: `${year % 100}-${id('dog-tag', 4)}` } : {}),
      };
      await this.recorder.record({
        tenantId: caller.tenantId,
        kind: 'receivable',
        reference: receivable.cashReference,
        jobKey: caller.jobKey,
        ...(caller.processInstanceKey ? { processInstanceKey: caller.processInstanceKey } : {}),
        payload: { kind: input.kind, amount: roundToCents(input.amount), debtor: input.debtor.name, ...JSON.parse(JSON.stringify(receivable)) },
      });
      return receivable;
    });
  }
}

/** ISO 13616 check digits (mod 97). */
export function validIban(iban: string): boolean {
  const compact = iban.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  const digits = (compact.slice(4) + compact.slice(0, 4)).replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder === 1;
}
