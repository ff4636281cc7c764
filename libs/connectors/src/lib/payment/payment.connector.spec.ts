import { connectorTestKit } from '../../testing/connector-test-kit';
import { payRequest } from './payment.simulator';

describe('payment.request, payment.status and the pay page', () => {
  const request = { amount: 24, purpose: 'Geburtsurkunde', reference: 'STA-2026-0042', items: [{ description: 'Geburtsurkunde', amount: 12 }, { description: 'weitere Ausfertigung', amount: 12 }] };

  it('opens a request with a pay page URL; the same job asking again gets the same request', async () => {
    const { run } = connectorTestKit();
    const first = await run('payment.request', request, { jobKey: '100' });
    expect(first).toEqual({ payment: { requestId: expect.stringMatching(/^PAY-[0-9a-f]{24}$/), payPageUrl: expect.stringMatching(/^http:\/\/localhost:3000\/simulator\/payments\/PAY-/), status: 'OPEN' } });
    expect(await run('payment.request', request, { jobKey: '100' })).toEqual(first);
    expect(await run('payment.request', request, { jobKey: '101' })).not.toEqual(first);
    expect(((first.payment as { requestId: string }).requestId).length).toBeLessThanOrEqual(36);
  });

  it('refuses a zero amount, items that do not add up and an amount above the limit with PAYMENT_REFUSED', async () => {
    const { run } = connectorTestKit({ defaults: { payment: { maxAmount: 100 } } });
    await expect(run('payment.request', { ...request, amount: 0, items: [] })).rejects.toMatchObject({ code: 'PAYMENT_REFUSED' });
    await expect(run('payment.request', { ...request, amount: 25 })).rejects.toMatchObject({ code: 'PAYMENT_REFUSED', message: expect.stringContaining('CALCULATION_ERROR') });
    await expect(run('payment.request', { ...request, amount: 120, items: [] })).rejects.toMatchObject({ code: 'PAYMENT_REFUSED', message: expect.stringContaining('Obergrenze') });
  });

  it('reports OPEN, then PAID once paid, and publishes PaymentReceived with the request id as correlation key exactly once', async () => {
    const kit = connectorTestKit();
    const { payment } = (await kit.run('payment.request', request)) as { payment: { requestId: string } };
    await expect(kit.run('payment.status', { requestId: payment.requestId })).resolves.toEqual({ paymentStatus: { requestId: payment.requestId, status: 'OPEN', amount: 24 } });

    kit.clock.advance(60_000);
    const paid = await payRequest({ ledger: kit.payments, publisher: kit.messages, clock: kit.clock }, payment.requestId);
    expect(paid?.status).toBe('PAID');
    expect(await payRequest({ ledger: kit.payments, publisher: kit.messages, clock: kit.clock }, payment.requestId)).toBeUndefined();

    const paidStatus = { requestId: payment.requestId, status: 'PAID', amount: 24, paidAt: '2026-11-28T09:01:00.000Z' };
    await expect(kit.run('payment.status', { requestId: payment.requestId })).resolves.toEqual({ paymentStatus: paidStatus });
    expect(kit.messages.published).toEqual([{ tenantId: '14713000', message: { name: 'PaymentReceived', correlationKey: payment.requestId, variables: { paymentStatus: paidStatus } } }]);
  });

  it('does not tell one tenant about another tenant’s request (a technical failure, not a status)', async () => {
    const kit = connectorTestKit();
    const { payment } = (await kit.run('payment.request', request)) as { payment: { requestId: string } };
    await expect(kit.run('payment.status', { requestId: payment.requestId }, { tenantId: '14511000' })).rejects.toThrow('kennt keine Zahlungsanforderung');
  });
});
