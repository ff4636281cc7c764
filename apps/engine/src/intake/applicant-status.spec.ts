import { applicantStatus } from './applicant-status';

describe('applicantStatus', () => {
  const accepted = { status: 'accepted' as const, receipt: null, processInstanceKey: '1', instanceStatus: 'active', waitsForMessage: false };

  it('derives the status from the route', () => {
    expect(applicantStatus({ ...accepted, status: 'rejected' })).toBe('rejected');
    expect(applicantStatus({ ...accepted, processInstanceKey: null, instanceStatus: null })).toBe('received');
    expect(applicantStatus(accepted)).toBe('in-processing');
    expect(applicantStatus({ ...accepted, waitsForMessage: true })).toBe('needs-input');
    expect(applicantStatus({ ...accepted, instanceStatus: 'completed' })).toBe('completed');
  });
});
