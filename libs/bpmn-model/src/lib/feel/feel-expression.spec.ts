import { evaluateFeel, parseFeel, parseFeelOrStatic, type FeelExpression } from './feel-expression';

const now = Date.parse('2025-03-01T10:00:00Z');

function feel(source: string): FeelExpression {
  const parsed = parseFeel(source);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.expression;
}

describe('FEEL wrapper', () => {
  it('parses once and evaluates against variables', () => {
    expect(parseFeel('= amount * 2')).toEqual({ ok: true, expression: { kind: 'feel', source: 'amount * 2' } });
    expect(evaluateFeel(feel('= amount * 2'), { amount: 21 }, { now })).toEqual({ ok: true, value: 42 });
  });

  it('reports syntax errors as values', () => {
    expect(parseFeel('a +')).toMatchObject({ ok: false });
    expect(parseFeel('')).toMatchObject({ ok: false });
  });

  it('treats attributes without = as static text', () => {
    expect(parseFeelOrStatic('payment.request')).toEqual({ ok: true, value: { kind: 'static', value: 'payment.request' } });
  });

  it('reads time from the engine clock, not the ambient one', () => {
    expect(evaluateFeel(feel('string(now())'), {}, { now })).toEqual({ ok: true, value: '2025-03-01T10:00:00Z' });
    expect(evaluateFeel(feel('string(today())'), {}, { now })).toEqual({ ok: true, value: '2025-03-01' });
  });

  it('converts temporal results to ISO strings and calls to unknown functions to failures', () => {
    expect(evaluateFeel(feel('date("2025-01-02")'), {}, { now })).toEqual({ ok: true, value: '2025-01-02' });
    expect(evaluateFeel(feel('launch(1)'), {}, { now })).toMatchObject({ ok: false });
  });
});
