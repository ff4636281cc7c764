import type { ScenarioJob } from '../engine/scenario-engine';
import { ConnectorAnswerBook } from './connector-answers';

const job = (key: string, type = 'payment.request', retries = 3): ScenarioJob => ({ key, type, elementId: 'pay', processInstanceKey: '1', retries });

describe('connector answers', () => {
  it('given a list, when jobs of the type come, then each call gets the next answer and after the list none', () => {
    const book = new ConnectorAnswerBook({ 'payment.request': [{ variables: { paid: true } }, { error: 'DECLINED' }] });
    expect(book.next(job('1'))).toEqual({ kind: 'complete', variables: { paid: true } });
    expect(book.next(job('2'))).toEqual({ kind: 'error', code: 'DECLINED', message: '', variables: {} });
    expect(book.next(job('3'))).toBeUndefined();
    expect([...book.unanswered]).toEqual(["payment.request at 'pay'"]);
  });

  it('given calls and a default, when more jobs come, then the default answers the rest', () => {
    const book = new ConnectorAnswerBook({ 'payment.request': { calls: [{ variables: { n: 1 } }], default: { variables: { n: 0 } } } });
    expect([book.next(job('1')), book.next(job('2')), book.next(job('3'))]).toEqual([
      { kind: 'complete', variables: { n: 1 } },
      { kind: 'complete', variables: { n: 0 } },
      { kind: 'complete', variables: { n: 0 } },
    ]);
  });

  it('given a failure without retries, then the retries default to one less than the job has, with the backoff in milliseconds', () => {
    const book = new ConnectorAnswerBook({ 'payment.request': [{ failure: { backoff: 'PT5M' } }, { failure: { retries: 0, message: 'down' } }] });
    expect(book.next(job('1', 'payment.request', 3))).toEqual({ kind: 'fail', retries: 2, message: 'connector failure (scenario)', backoffMs: 300_000 });
    expect(book.next(job('2'))).toEqual({ kind: 'fail', retries: 0, message: 'down', backoffMs: 0 });
  });

  it('given an outage, when the job comes back with fewer retries, then it fails again until none are left, and the next try is a new call', () => {
    const book = new ConnectorAnswerBook({ 'payment.request': [{ outage: 'Kasse offline' }, { variables: {} }] });
    expect(book.next(job('7', 'payment.request', 3))).toEqual({ kind: 'fail', retries: 2, message: 'Kasse offline', backoffMs: 0 });
    expect(book.next(job('7', 'payment.request', 2))).toEqual({ kind: 'fail', retries: 1, message: 'Kasse offline', backoffMs: 0 });
    expect(book.next(job('7', 'payment.request', 1))).toEqual({ kind: 'fail', retries: 0, message: 'Kasse offline', backoffMs: 0 });
    expect(book.next(job('7', 'payment.request', 1))).toEqual({ kind: 'complete', variables: {} });
  });

  it('given pending, then that job is never answered, while the next job gets the next answer', () => {
    const book = new ConnectorAnswerBook({ 'payment.request': [{ pending: true }, { variables: { second: true } }] });
    expect(book.next(job('1'))).toBeUndefined();
    expect(book.next(job('1'))).toBeUndefined();
    expect(book.next(job('2'))).toEqual({ kind: 'complete', variables: { second: true } });
    expect(book.unanswered.size).toBe(0);
  });
});
