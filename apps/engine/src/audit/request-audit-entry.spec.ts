import { requestAuditEntry, targetOf } from './request-audit-entry';

describe('the audit entry of a request', () => {
  it('names the record a route acts on', () => {
    expect(targetOf('/api/v1/tenants/:tenantId/process-instances/:key/legal-hold', { tenantId: 'leipzig', key: '42' })).toEqual({ kind: 'process-instance', key: '42' });
    expect(targetOf('/api/v1/tenants/:tenantId/user-tasks/:key/complete', { tenantId: 'leipzig', key: '7' })).toEqual({ kind: 'user-task', key: '7' });
    expect(targetOf('/api/v1/tenants/:tenantId/deployments', { tenantId: 'leipzig' })).toEqual({ kind: 'deployment', key: null });
    expect(targetOf('/api/v1/tenants/:tenantId', { tenantId: 'leipzig' })).toEqual({ kind: 'tenant', key: 'leipzig' });
    expect(targetOf('/api/v1/jobs/:key/complete', { key: '9' })).toEqual({ kind: 'job', key: '9' });
    expect(targetOf('/api/v1/jobs/activate', {})).toEqual({ kind: 'job', key: null });
  });

  it('records who, what and which request, never the body', () => {
    const entry = requestAuditEntry({
      method: 'POST',
      route: '/api/v1/tenants/:tenantId/process-instances/:key/legal-hold',
      params: { tenantId: 'leipzig', key: '42' },
      actor: 'ada',
      roles: new Set(['team', 'admin']),
      requestId: 'r-1',
      at: new Date('2026-11-28T10:00:00Z'),
    });
    expect(entry).toEqual({
      at: new Date('2026-11-28T10:00:00Z'),
      actor: 'ada',
      role: 'admin,team',
      action: 'POST /api/v1/tenants/:tenantId/process-instances/:key/legal-hold',
      targetKind: 'process-instance',
      targetKey: '42',
      requestId: 'r-1',
      details: { params: { tenantId: 'leipzig', key: '42' } },
    });
  });
});
