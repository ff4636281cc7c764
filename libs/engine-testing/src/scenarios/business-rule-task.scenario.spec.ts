import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileDefinitions, parseBpmn, type JsonObject } from '@laufweg/bpmn-model';
import { EngineHarness } from '../index';

const fixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const hundesteuer = { bpmn: fixture('hundesteuer.bpmn'), dmn: fixture('hundesteuer.dmn') };
const urkunden = { bpmn: fixture('urkunden-gebuehr.bpmn'), dmn: fixture('urkunden-gebuehren.dmn') };

function antrag(rasse: string, gehalteneHunde?: number): JsonObject {
  const haushalt: JsonObject = gehalteneHunde === undefined ? {} : { gehalteneHunde };
  return { antrag: { hund: { rasse }, haushalt } };
}

async function hundesteuerEngine(): Promise<EngineHarness> {
  const engine = await EngineHarness.fromBpmn(hundesteuer.bpmn, { decisions: [hundesteuer.dmn] });
  return engine.onJob('dog-register.breed-check', (_job, variables) => ({
    complete: { gefaehrlich: (variables['antrag'] as { hund: { rasse: string } }).hund.rasse === 'Kangal' },
  }));
}

describe('business rule task: Hundesteuer rate by DMN (decision requirements, PRIORITY, output mappings)', () => {
  it.each([
    ['a first dog', 'Labrador', 0, 96, 'Ersthund'],
    ['a further dog', 'Dackel', 2, 144, 'Zweit- und jeder weitere Hund'],
    ['a listed breed, even as first dog', 'Pitbull-Terrier', 0, 600, 'gefährlicher Hund'],
    ['a dog found dangerous by the breed check', 'Kangal', 1, 600, 'gefährlicher Hund'],
  ])('given %s, when the rate task runs, then the engine evaluates the table without a job and maps the result', async (_case, rasse, gehalteneHunde, jahressteuer, tarif) => {
    const engine = await hundesteuerEngine();
    const instance = engine.createInstance('hundesteuer', antrag(rasse, gehalteneHunde));

    expect(engine.jobs({ elementId: 'steuersatz' })).toEqual([]);
    expect(engine.jobs({ elementId: 'steuerfall' })).toHaveLength(1);
    expect(engine.variables(instance)).toMatchObject({ jahressteuer, tarif });
    expect(engine.variables(instance)).not.toHaveProperty('satz');

    engine.completeJob('steuerfall', { kassenzeichen: '2025-HST-0001' });
    expect(engine.isCompleted(instance)).toBe(true);
    expect(engine.records.completed(instance)).toEqual(['start', 'rasseliste', 'steuersatz', 'steuerfall', 'end']);
  });

  it('given a business rule task with a job type, when it is reached, then a worker gets a job as for a service task', async () => {
    const engine = await EngineHarness.fromBpmn(hundesteuer.bpmn, { decisions: [hundesteuer.dmn] });
    engine.createInstance('hundesteuer', antrag('Labrador', 0));

    expect(engine.jobs({ elementId: 'rasseliste' })).toEqual([expect.objectContaining({ type: 'dog-register.breed-check', state: 'activatable' })]);
    expect(engine.activeElements()).toEqual(['rasseliste']);
  });

  it('given no count of dogs already kept, when no rule matches, then an incident names the decision and resolving after the fix retries', async () => {
    const engine = await hundesteuerEngine();
    const instance = engine.createInstance('hundesteuer', antrag('Labrador'));

    const [incident] = engine.incidents();
    expect(incident).toMatchObject({ errorType: 'DECISION_EVALUATION_ERROR', elementId: 'steuersatz' });
    expect(incident!.message).toBe(
      'No rule of the decision "hundeart" matched the inputs (Gefährlichkeit festgestellt = false, Rasse = "Labrador", Bereits gehaltene Hunde = null), and the task needs a result.',
    );
    expect(engine.activeElements(instance)).toEqual(['steuersatz']);
    expect(engine.jobs({ elementId: 'steuerfall' })).toEqual([]);

    engine.execute({ type: 'SetVariables', scopeKey: instance, variables: antrag('Labrador', 1) });
    engine.resolveIncident(incident!.key);

    expect(engine.incidents()).toEqual([]);
    expect(engine.variables(instance)).toMatchObject({ jahressteuer: 144 });
    expect(engine.activeElements(instance)).toEqual(['steuerfall']);
    engine.verifyFullReplay();
  });

  it('given a value outside the input values, when the rate task runs, then the incident quotes them', async () => {
    const engine = await hundesteuerEngine();
    engine.createInstance('hundesteuer', antrag('Labrador', -1));

    expect(engine.incidents()).toEqual([
      expect.objectContaining({
        errorType: 'DECISION_EVALUATION_ERROR',
        message: 'The decision "hundeart" failed: the input "Bereits gehaltene Hunde" is -1, which is not one of its input values >= 0.',
      }),
    ]);
  });

  it('given a process deployed without its decisions, when the rate task runs, then a called-decision incident is raised', async () => {
    const parsed = await parseBpmn(hundesteuer.bpmn);
    const compiled = parsed.ok ? compileDefinitions(parsed.value.definitions) : undefined;
    if (!compiled?.ok) throw new Error('the fixture must compile');
    const engine = new EngineHarness().onJob('dog-register.breed-check', () => ({ complete: { gefaehrlich: false } }));
    engine.deploy(compiled.value);
    engine.createInstance('hundesteuer', antrag('Labrador', 0));

    expect(engine.incidents()).toEqual([
      expect.objectContaining({ errorType: 'CALLED_DECISION_ERROR', elementId: 'steuersatz', message: expect.stringContaining("calls the decision 'hundesteuersatz'") }),
    ]);
  });

  it('given a static decision id the deployment lacks, when the harness deploys it, then the deployment is refused', async () => {
    await expect(EngineHarness.fromBpmn(hundesteuer.bpmn, { decisions: [urkunden.dmn] })).rejects.toThrow(/calls the decision "hundesteuersatz"/);
  });
});

describe('business rule task: certificate fee by DMN (literal expression requiring a FIRST table, result propagated)', () => {
  it.each([
    ['three birth certificates', 29, { urkundenart: 'Geburtsurkunde', anzahl: 3, verwendungszweck: 'privat' }, ['zahlung']],
    ['one death certificate', 15, { urkundenart: 'Sterbeurkunde', anzahl: 1, verwendungszweck: 'Nachlass' }, ['zahlung']],
    ['certificates for the pension insurance', 0, { urkundenart: 'Geburtsurkunde', anzahl: 2, verwendungszweck: 'Rentenversicherung' }, []],
  ])('given %s, when the fee task runs, then the fee is %s and the route follows it', async (_case, gebuehr, bestellung, jobs) => {
    const engine = await EngineHarness.fromBpmn(urkunden.bpmn, { decisions: [urkunden.dmn] });
    const instance = engine.createInstance('urkunden-gebuehr', bestellung);

    expect(engine.variables(instance)).toMatchObject({ gebuehr });
    expect(engine.jobs().map((job) => job.elementId)).toEqual(jobs);
    expect(engine.isCompleted(instance)).toBe(jobs.length === 0);
  });

  it('given an unknown certificate type, when the fee task runs, then an incident is raised and resolving after the correction continues', async () => {
    const engine = await EngineHarness.fromBpmn(urkunden.bpmn, { decisions: [urkunden.dmn] });
    const instance = engine.createInstance('urkunden-gebuehr', { urkundenart: 'Reisepass', anzahl: 1, verwendungszweck: 'privat' });

    const [incident] = engine.incidents();
    expect(incident).toMatchObject({ errorType: 'DECISION_EVALUATION_ERROR', elementId: 'gebuehr' });
    expect(incident!.message).toContain('the input "Urkundenart" is "Reisepass", which is not one of its input values');

    engine.persistAndResume();
    engine.execute({ type: 'SetVariables', scopeKey: instance, variables: { urkundenart: 'Eheurkunde' } });
    engine.resolveIncident(incident!.key);

    expect(engine.variables(instance)).toMatchObject({ gebuehr: 15 });
    engine.completeJob('zahlung', { kassenzeichen: 'K-4711' });
    expect(engine.isCompleted(instance)).toBe(true);
    expect(engine.records.completed(instance)).toEqual(['start', 'gebuehr', 'zahlpflichtig', 'zahlung', 'bezahlt']);
    engine.verifyFullReplay();
  });
});
