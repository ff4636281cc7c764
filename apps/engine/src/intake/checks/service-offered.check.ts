import { intakeProblemType, type ReceiptProblem } from '../receipt';
import type { CheckInput, IntakeCheck } from './intake-check';

/** The destination (tenant) offers the service: a route for it is deployed there. */
export class ServiceOfferedCheck implements IntakeCheck {
  readonly name = 'service-offered';

  check({ submission, service }: CheckInput): readonly ReceiptProblem[] {
    if (service) return [];
    return [
      {
        type: intakeProblemType('service-not-offered'),
        title: 'Leistung wird nicht angeboten',
        detail: `Die Leistung ${submission.serviceIdentifier} wird von ${submission.destinationId} nicht über Laufweg angeboten.`,
        instance: 'submission',
      },
    ];
  }
}
