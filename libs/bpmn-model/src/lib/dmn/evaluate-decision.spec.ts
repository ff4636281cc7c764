import type { JsonValue } from '../feel/feel-expression';
import { evaluateDecision, type EvaluateDecisionOptions } from './evaluate-decision';
import type { ExecutableDecisions } from './executable-decision';
import files from './fixtures/files.fixtures';
import { loadDmnModel } from './load-dmn-model';

const now = Date.parse('2025-03-01T10:00:00Z');

async function decisionsOf(name: string, edit: (xml: string) => string = (xml) => xml): Promise<ExecutableDecisions> {
  const loaded = await loadDmnModel(edit(new TextDecoder().decode(files[`${name}.dmn`])));
  if (!loaded.ok) throw new Error(loaded.problems.map((problem) => problem.message).join('\n'));
  return loaded.value;
}

function evaluator(decisions: ExecutableDecisions, options: Partial<EvaluateDecisionOptions> = {}) {
  return (decisionId: string, variables: Record<string, JsonValue>) => evaluateDecision(decisions, decisionId, variables, { now, ...options });
}

describe('evaluateDecision: hit policies', () => {
  let evaluate: ReturnType<typeof evaluator>;
  beforeAll(async () => {
    evaluate = evaluator(await decisionsOf('hit-policies'));
  });

  it('UNIQUE: the one matching rule gives the value and is reported', () => {
    expect(evaluate('pruefungUnique', { beziehung: 'geschwister' })).toEqual({
      ok: true,
      value: 'berechtigtes Interesse',
      matchedRules: [{ decisionId: 'pruefungUnique', ruleId: 'pu_geschwister', ruleIndex: 1 }],
    });
    expect(evaluate('pruefungUnique', { beziehung: 'ehegatte' })).toMatchObject({ ok: true, value: 'berechtigt' });
  });

  it('UNIQUE: two matching rules are a failure value naming both rules, not an exception', () => {
    expect(evaluate('altersgrenzeUnique', { alter: 16 })).toMatchObject({ ok: true, value: 'ab 16' });
    const result = evaluate('altersgrenzeUnique', { alter: 30 });
    expect(result).toMatchObject({ ok: false, failedDecisionId: 'altersgrenzeUnique' });
    expect(!result.ok && result.message).toContain('hit policy UNIQUE, but 2 rules matched: "au_ab16", "au_ab18"');
  });

  it('UNIQUE: no match gives null (DMN 1.3, Camunda 8)', () => {
    expect(evaluate('altersgrenzeUnique', { alter: 10 })).toEqual({ ok: true, value: null, matchedRules: [] });
  });

  it('input values: a value outside them fails with the column and the allowed values', () => {
    const result = evaluate('pruefungUnique', { beziehung: 'nachbar' });
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.message).toContain('the input "Beziehung" is "nachbar", which is not one of its input values');
  });

  it('FIRST: the first matching rule in table order wins; "-" matches anything', () => {
    expect(evaluate('altersgruppeFirst', { alter: 12 })).toMatchObject({ value: 'Kind', matchedRules: [{ ruleId: 'af_kind' }] });
    expect(evaluate('altersgruppeFirst', { alter: 17 })).toMatchObject({ value: 'Jugendlich' });
    expect(evaluate('altersgruppeFirst', { alter: 40 })).toMatchObject({ value: 'Erwachsen', matchedRules: [{ ruleId: 'af_sonst' }] });
    expect(evaluate('altersgruppeFirst', {})).toMatchObject({ value: 'Erwachsen' });
  });

  it('PRIORITY: the output value listed first in the output values wins, whatever the rule order', () => {
    expect(evaluate('hundeartPriority', { gefaehrlich: true, hundNummer: 1 })).toMatchObject({ value: 'gefaehrlich', matchedRules: [{ ruleId: 'hp_gefaehrlich' }] });
    expect(evaluate('hundeartPriority', { gefaehrlich: false, hundNummer: 3 })).toMatchObject({ value: 'weiterer', matchedRules: [{ ruleId: 'hp_weiterer' }] });
    expect(evaluate('hundeartPriority', { gefaehrlich: true, hundNummer: 2 })).toMatchObject({ value: 'gefaehrlich' });
    expect(evaluate('hundeartPriority', { gefaehrlich: false, hundNummer: 1 })).toMatchObject({ value: 'erster' });
  });

  it('ANY: overlapping rules that agree give their value; disagreeing ones are a failure', () => {
    expect(evaluate('gebuehrAny', { urkundenart: 'Geburtsurkunde' })).toMatchObject({ ok: true, value: 15, matchedRules: [{ ruleId: 'ga_alle' }] });
    const result = evaluate('gebuehrAny', { urkundenart: 'Sterbeurkunde' });
    expect(!result.ok && result.message).toContain('hit policy ANY, but the matching rules "ga_alle", "ga_ehe_abweichend" give different outputs');
  });

  it('RULE ORDER: every matching output as a list in rule order; an empty list when none matches', () => {
    expect(evaluate('ermaessigungRuleOrder', { alter: 70, schwerbehindert: true })).toMatchObject({
      value: ['Senioren', 'Schwerbehinderung'],
      matchedRules: [{ ruleId: 'ro_senioren' }, { ruleId: 'ro_sb' }],
    });
    expect(evaluate('ermaessigungRuleOrder', { alter: 40, schwerbehindert: false })).toEqual({ ok: true, value: [], matchedRules: [] });
  });

  it('OUTPUT ORDER: every matching output, ordered by the output values', () => {
    expect(evaluate('ermaessigungOutputOrder', { alter: 16, schwerbehindert: true })).toMatchObject({ value: ['Schwerbehinderung', 'Jugend'] });
  });

  it('compound outputs: a context keyed by output name; default output entries when no rule matches', () => {
    expect(evaluate('exemplarpreiseCompound', { urkundenart: 'Mehrsprachige Urkunde' })).toMatchObject({ value: { erstesExemplar: 20, weiteresExemplar: 10 } });
    expect(evaluate('exemplarpreiseCompound', { urkundenart: 'Geburtsurkunde' })).toEqual({ ok: true, value: { erstesExemplar: 15, weiteresExemplar: 7 }, matchedRules: [] });
  });

  it('output values: an output entry outside them fails naming the rule and the output', () => {
    expect(evaluate('exemplarpreiseCompound', { urkundenart: 'Registerausdruck', weiterePreise: { ausdruck: 8 } })).toMatchObject({ value: { weiteresExemplar: 8 } });
    const result = evaluate('exemplarpreiseCompound', { urkundenart: 'Registerausdruck', weiterePreise: { ausdruck: 99 } });
    expect(!result.ok && result.message).toContain('rule "ec_ausdruck" gives 99 for the output "weiteresExemplar", which is not one of its output values [0..20]');
  });

  it('an unknown decision id is a failure listing what is deployed', () => {
    const result = evaluate('hundesteuer', {});
    expect(result).toMatchObject({ ok: false, failedDecisionId: 'hundesteuer' });
    expect(!result.ok && result.message).toContain('No decision "hundesteuer" is deployed (deployed: altersgrenzeUnique, altersgruppeFirst');
  });
});

describe('evaluateDecision: no match when a result is needed', () => {
  it('given noMatch "failure", when no rule of a single-hit table matches, then the failure names the inputs', async () => {
    const evaluate = evaluator(await decisionsOf('hit-policies'), { noMatch: 'failure' });
    const result = evaluate('altersgrenzeUnique', { alter: 10 });
    expect(result).toEqual({ ok: false, failedDecisionId: 'altersgrenzeUnique', message: 'No rule of the decision "altersgrenzeUnique" matched the inputs (Alter = 10), and the task needs a result.' });
    expect(evaluate('ermaessigungRuleOrder', { alter: 40, schwerbehindert: false })).toMatchObject({ ok: true, value: [] });
  });
});

describe('evaluateDecision: COLLECT and its aggregations', () => {
  const order = { beglaubigung: true, eilig: true, versandland: 'AT' };
  const withAggregation = (aggregation: string) => (xml: string) => xml.replace('hitPolicy="COLLECT">', `hitPolicy="COLLECT" aggregation="${aggregation}">`);

  it('without aggregation: the outputs of all matching rules, nulls included', async () => {
    const evaluate = evaluator(await decisionsOf('collect-aggregations'));
    expect(evaluate('zuschlaege', order)).toMatchObject({ value: [10, 5.1, 3.2, null] });
    expect(evaluate('zuschlaege', { beglaubigung: false, eilig: false, versandland: 'DE' })).toMatchObject({ value: [] });
  });

  it.each([
    ['SUM', 18.3, null],
    ['MIN', 3.2, null],
    ['MAX', 10, null],
    ['COUNT', 3, 0],
  ] as const)('%s over the non-null outputs gives %s, and %s when nothing matches', async (aggregation, value, empty) => {
    const evaluate = evaluator(await decisionsOf('collect-aggregations', withAggregation(aggregation)));
    expect(evaluate('zuschlaege', order)).toMatchObject({ ok: true, value, matchedRules: [{ ruleId: 'z_beglaubigung' }, { ruleId: 'z_eilig' }, { ruleId: 'z_ausland' }, { ruleId: 'z_hinweis' }] });
    expect(evaluate('zuschlaege', { beglaubigung: false, eilig: false, versandland: 'DE' })).toMatchObject({ ok: true, value: empty });
  });

  it('SUM over texts is a failure value', async () => {
    const evaluate = evaluator(await decisionsOf('collect-aggregations', (xml) => withAggregation('SUM')(xml).replace('<text>10</text>', '<text>"zehn"</text>')));
    const result = evaluate('zuschlaege', order);
    expect(!result.ok && result.message).toContain('aggregates with SUM, which needs numbers');
  });

  it('compound outputs: a list of contexts', async () => {
    const evaluate = evaluator(await decisionsOf('collect-aggregations'));
    expect(evaluate('zuschlaegeMitGrund', { beglaubigung: true })).toMatchObject({
      value: [{ betrag: 15, grund: 'Urkunde' }, { betrag: 10, grund: 'Beglaubigung' }],
    });
  });
});

describe('evaluateDecision: decision requirements', () => {
  let evaluate: ReturnType<typeof evaluator>;
  beforeAll(async () => {
    evaluate = evaluator(await decisionsOf('requirements'));
  });

  it('a literal expression sees the required table result under the decision id', () => {
    expect(evaluate('parkausweisGebuehr', { gueltigkeitMonate: 12, ermaessigt: true })).toEqual({
      ok: true,
      value: 15,
      matchedRules: [{ decisionId: 'parkausweisTarif', ruleId: 'pt_12', ruleIndex: 1 }],
    });
  });

  it('a diamond evaluates each required decision once; a variable name is the result name', () => {
    expect(evaluate('parkausweisBescheid', { gueltigkeitMonate: 24, ermaessigt: true })).toEqual({
      ok: true,
      value: { hinweis: 'ermäßigt', betrag: 25 },
      matchedRules: [
        { decisionId: 'parkausweisTarif', ruleId: 'pt_24', ruleIndex: 2 },
        { decisionId: 'parkausweisBescheid', ruleId: 'pb_ermaessigt', ruleIndex: 0 },
      ],
    });
    expect(evaluate('parkausweisBescheid', { gueltigkeitMonate: 6, ermaessigt: false })).toMatchObject({ value: { hinweis: 'voll', betrag: 20 } });
  });

  it('a failing required decision fails the requiring one and is named', () => {
    const result = evaluate('parkausweisBescheid', { gueltigkeitMonate: 3 });
    expect(result).toMatchObject({ ok: false, failedDecisionId: 'parkausweisTarif' });
    expect(!result.ok && result.message).toContain('the input "Gültigkeit (Monate)" is 3, which is not one of its input values 6,12,24');
  });
});

describe('evaluateDecision: FEEL', () => {
  it('compares dates as dates and reads today() from the options clock', async () => {
    const decisions = await decisionsOf('hit-policies', (xml) =>
      xml.replace('<text>alter</text></inputExpression></input>\n      <output id="altersgruppeFirst_out"', '<text>years and months duration(date(geburtsdatum), today()).years</text></inputExpression></input>\n      <output id="altersgruppeFirst_out"'),
    );
    const evaluate = evaluator(decisions);
    expect(evaluate('altersgruppeFirst', { geburtsdatum: '2010-03-02' })).toMatchObject({ value: 'Kind' });
    expect(evaluate('altersgruppeFirst', { geburtsdatum: '2009-03-01' })).toMatchObject({ value: 'Jugendlich' });
  });

  it('keeps input values as FEEL dates for the unary tests; an incomparable test does not match', async () => {
    const decisions = await decisionsOf('hit-policies', (xml) =>
      xml
        .replace('<text>alter</text></inputExpression></input>\n      <output id="altersgruppeFirst_out"', '<text>date(stichtag)</text></inputExpression></input>\n      <output id="altersgruppeFirst_out"')
        .replace('<text>&lt; 16</text>', '<text>&lt; date("2025-01-01")</text>'),
    );
    const evaluate = evaluator(decisions);
    expect(evaluate('altersgruppeFirst', { stichtag: '2024-12-31' })).toMatchObject({ value: 'Kind' });
    expect(evaluate('altersgruppeFirst', { stichtag: '2025-01-01' })).toMatchObject({ value: 'Erwachsen', matchedRules: [{ ruleId: 'af_sonst' }] });
  });

  it('a call to an unknown function in an input entry is a failure value naming rule and column', async () => {
    const decisions = await decisionsOf('hit-policies', (xml) => xml.replace('<text>&lt; 16</text>', '<text>zuJung(?)</text>'));
    const result = evaluator(decisions)('altersgruppeFirst', { alter: 12 });
    expect(!result.ok && result.message).toContain('rule "af_kind", column 1 ("Alter")');
  });

  it('the compiled set is frozen', async () => {
    const decisions = await decisionsOf('requirements');
    expect(Object.isFrozen(decisions.decisions['parkausweisTarif'])).toBe(true);
  });
});
