import { date } from 'feelin';
import { evaluateFeelUnaryTests, parseFeelUnaryTests, type FeelUnaryTests } from './feel-unary-tests';

const now = Date.parse('2025-03-01T10:00:00Z');

function tests(source: string): FeelUnaryTests {
  const parsed = parseFeelUnaryTests(source);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.tests;
}

describe('FEEL unary tests', () => {
  it('parses once and reports syntax errors as values', () => {
    expect(parseFeelUnaryTests(' "a","b" ')).toEqual({ ok: true, tests: { kind: 'unaryTests', source: '"a","b"' } });
    expect(parseFeelUnaryTests('>=')).toMatchObject({ ok: false });
    expect(parseFeelUnaryTests('')).toMatchObject({ ok: false });
  });

  it.each([
    ['"a","b"', 'b', true],
    ['"a","b"', 'c', false],
    ['[1..5]', 5, true],
    ['< 10, > 20', 25, true],
    ['not("x")', 'y', true],
    ['-', null, true],
    ['> limit', 5, true],
    ['? > limit', 3, false],
    ['>= 3', null, false],
    ['< 3', 'text', false],
  ] as const)('%s tested with %j is %s', (source, input, expected) => {
    expect(evaluateFeelUnaryTests(tests(source), input, { limit: 4 }, { now })).toEqual({ ok: true, value: expected });
  });

  it('reads today() from the options clock', () => {
    expect(evaluateFeelUnaryTests(tests('today()'), date('2025-03-01'), {}, { now })).toEqual({ ok: true, value: true });
    expect(evaluateFeelUnaryTests(tests('< today()'), date('2025-03-01'), {}, { now })).toEqual({ ok: true, value: false });
    expect(evaluateFeelUnaryTests(tests('< today()'), date('2025-02-28'), {}, { now })).toEqual({ ok: true, value: true });
  });

  it('a call to an unknown function is a failure value, not false', () => {
    expect(evaluateFeelUnaryTests(tests('isKampfhund(?)'), 'Pitbull', {}, { now })).toMatchObject({ ok: false });
  });
});
