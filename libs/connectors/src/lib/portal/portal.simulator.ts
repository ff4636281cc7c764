import type { JobOrigin } from '../core/connector';
import type { Clock, ConnectorRecorder } from '../core/ports';
import { stableHex } from '../core/stable-id';
import type { SimulatedSystem } from '../simulation/simulated-system';
import type { NotificationReceipt, Portal, StatusNotification } from './portal';

/** The portal: accepts every status message and records it as a sent notification. */
export class PortalSimulator implements Portal {
  constructor(
    private readonly system: SimulatedSystem,
    private readonly recorder: ConnectorRecorder,
    private readonly clock: Clock,
  ) {}

  notify(notification: StatusNotification, origin: JobOrigin): Promise<NotificationReceipt> {
    return this.system.call(async () => {
      const receipt: NotificationReceipt = { id: `N-${stableHex([origin.tenantId, origin.jobKey, 'notify'], 16)}`, status: notification.status, sentAt: new Date(this.clock.now()).toISOString() };
      await this.recorder.record({
        ...origin,
        kind: 'notification',
        reference: receipt.id,
        payload: {
          submissionId: notification.submissionId,
          caseId: notification.caseId,
          status: notification.status,
          ...(notification.message ? { message: notification.message } : {}),
          documentIds: [...(notification.documentIds ?? [])],
          sentAt: receipt.sentAt,
        },
      });
      return receipt;
    });
  }
}
