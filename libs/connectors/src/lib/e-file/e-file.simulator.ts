import type { JobOrigin } from '../core/connector';
import type { Clock, ConnectorRecorder } from '../core/ports';
import { stableDigits } from '../core/stable-id';
import type { SimulatedSystem } from '../simulation/simulated-system';
import type { EFile, Filing, FilingInput } from './e-file';

/** The e-file: files the documents under an Aktenzeichen `<filePlanPrefix>-<year>/<n>` and records the filing. */
export class EFileSimulator implements EFile {
  constructor(
    private readonly system: SimulatedSystem,
    private readonly settings: { readonly filePlanPrefix: string },
    private readonly recorder: ConnectorRecorder,
    private readonly clock: Clock,
  ) {}

  store(input: FilingInput, origin: JobOrigin): Promise<Filing> {
    return this.system.call(async () => {
      const now = this.clock.now();
      const filing: Filing = {
        fileNumber: `${this.settings.filePlanPrefix}-${new Date(now).getUTCFullYear()}/${Number(stableDigits([origin.tenantId, origin.jobKey, 'file'], 6))}`,
        documentIds: input.documents.map((document) => (typeof document === 'string' ? document : document.id)),
        storedAt: new Date(now).toISOString(),
      };
      await this.recorder.record({
        ...origin,
        kind: 'filing',
        reference: filing.fileNumber,
        payload: { subject: input.subject, retentionYears: input.retentionYears, reference: input.reference, documentIds: [...filing.documentIds], storedAt: filing.storedAt },
      });
      return filing;
    });
  }
}
