import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { germanBusinessCalendar } from '@laufweg/bpmn-engine';
import { EngineHarness } from '@laufweg/engine-testing';
import { loadScenarioFile } from '../format/load-scenario-file';
import { runScenario } from '../run/run-scenario';
import type { ScenarioResult } from '../run/scenario-result';
import { ENGINE_FIXTURES, givenRoute, SCENARIO_FIXTURES } from '../testing/given-scenario';
import { captureScenario, type HistoryEntry } from './capture-scenario';

const URKUNDE = join(SCENARIO_FIXTURES, 'geburtsurkunde.bpmn');
const DECISION = join(SCENARIO_FIXTURES, 'capture-decision.bpmn');
const EVENTS = join(ENGINE_FIXTURES, 'events.bpmn');
const ORDER = join(ENGINE_FIXTURES, 'order-basics.bpmn');
const START = Date.parse('2026-03-02T09:00:00+01:00');
const HOUR = 3_600_000;

async function givenHarness(bpmnFile: string): Promise<EngineHarness> {
  return EngineHarness.fromBpmn(readFileSync(bpmnFile, 'utf8'), { startTime: START, calendar: germanBusinessCalendar({ land: 'SN' }) });
}

/** Writes the captured YAML to a file and runs it like any scenario file. */
async function whenReplayed(yaml: string, bpmnFile: string): Promise<ScenarioResult> {
  const file = join(mkdtempSync(join(tmpdir(), 'laufweg-capture-')), 'captured.yaml');
  writeFileSync(file, yaml);
  const loaded = loadScenarioFile(file);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return runScenario(loaded.scenario, await givenRoute(bpmnFile));
}

describe('capturing a finished instance as a scenario', () => {
  it('given a Geburtsurkunde case with a retried connector, a payment message and a sign-off, when captured and replayed, then it passes without the personal data', async () => {
    const engine = await givenHarness(URKUNDE);
    const instance = engine.createInstance('geburtsurkunde', { antragId: 'GU-2026-0042', antragsteller: { vorname: 'Erika', nachname: 'Mustermann' }, geburtsdatum: '1990-05-17', anzahl: 2 });
    engine.completeJob('registereintrag-suchen', { registernummer: 'G 123/1990' });
    engine.failJob('gebuehr-anfordern', 2, 'Zeitüberschreitung', 5 * 60_000);
    engine.advanceClock(5 * 60_000);
    engine.completeJob('gebuehr-anfordern', { kassenzeichen: 'KZ-4711' });
    engine.correlateMessage('zahlung-eingegangen', 'GU-2026-0042', { bezahlt: 24 });
    const [task] = engine.userTasks('urkunde-pruefen');
    engine.execute({ type: 'CompleteUserTask', userTaskKey: task!.key, variables: { freigegeben: true, bemerkung: 'Frau Mustermann persönlich bekannt' }, completedBy: 'carla.sachbearbeitung' });
    engine.completeJob('urkunde-erzeugen', { dokumentId: 'urkunde-1' });
    engine.completeJob('antragsteller-benachrichtigen');
    expect(engine.isCompleted(instance)).toBe(true);

    const yaml = captureScenario(engine.records.events, { name: 'Erfasster Fall', route: URKUNDE, tenant: 'musterstadt', land: 'SN', startTime: START });

    for (const personal of ['Erika', 'Mustermann', 'carla', 'GU-2026-0042', 'KZ-4711', 'G 123/1990', 'Zeitüberschreitung']) expect(yaml).not.toContain(personal);
    const captured = parse(yaml) as Record<string, unknown>;
    expect(captured).toMatchObject({
      startTime: '2026-03-02T08:00:00.000Z',
      application: { antragId: '<text-1>', antragsteller: { vorname: '<text-2>', nachname: '<text-3>' }, geburtsdatum: '1990-05-17', anzahl: 2 },
      connectors: { 'payment.request': [{ failure: { retries: 2, backoff: 'PT5M' } }, { variables: { kassenzeichen: '<text-5>' } }] },
      expect: { endEvent: 'urkunde-versandt', state: 'completed', documents: { 'document.render': 1 }, notifications: { 'portal.notify': 1 } },
    });
    expect(captured['steps']).toEqual([
      { wait: 'PT5M' },
      { message: { name: 'zahlung-eingegangen', correlationKey: '<text-1>', variables: { bezahlt: 24 } } },
      { expectUserTask: { element: 'urkunde-pruefen', candidateGroup: 'standesamt' } },
      { completeUserTask: { element: 'urkunde-pruefen', user: '<user-1>', form: { freigegeben: true, bemerkung: '<text-6>' } } },
    ]);
    const replayed = await whenReplayed(yaml, URKUNDE);
    expect(replayed.failures).toEqual([]);
    expect(replayed.path).toEqual(engine.records.elementIds('ElementActivating', instance));
  });

  it('given a log with timers, reminders, a signal and other instances, when captured, then waits reach each timer and the replay passes', async () => {
    const engine = await givenHarness(EVENTS);
    engine.onJob('portal.notify', () => ({ complete: {} }));
    const instance = engine.createInstance('waiting', { applicationId: 'A-1', deadline: 'P30D' });
    engine.advanceClock(10 * 24 * HOUR);
    engine.correlateMessage('documents-received', 'A-1', { documents: ['pass.pdf'] });
    engine.advanceClock(2 * HOUR);
    engine.broadcastSignal('go');
    expect(engine.isCompleted(instance)).toBe(true);

    const yaml = captureScenario(engine.records.events, { name: 'events', route: EVENTS, startTime: START });
    const captured = parse(yaml) as { steps: unknown[]; connectors: unknown };
    expect(captured.steps).toEqual([
      { wait: 'PT168H' },
      { message: { name: 'documents-received', correlationKey: '<text-1>', variables: { documents: ['<text-2>'] } } },
      // Without row times the message comes right after the last timer (day 7): the cooldown
      // then falls due three days earlier than in the original run, the path is the same.
      { wait: 'PT73H' },
      { signal: { name: 'go' } },
    ]);
    expect(captured.connectors).toEqual({ 'portal.notify': [{ variables: {} }] });
    expect((await whenReplayed(yaml, EVENTS)).failures).toEqual([]);
  });

  it('given a gateway comparing with a string of the route, when captured with the model, then that string is kept and the path is the same', async () => {
    const engine = await givenHarness(DECISION);
    engine.createInstance('decision', { applicant: 'Erika' });
    engine.completeJob('lookup', { name: 'Erika Mustermann' });
    engine.completeUserTask('decide', { decision: 'approved' });

    const route = await givenRoute(DECISION);
    const kept = captureScenario(engine.records.events, { name: 'd', route: DECISION, startTime: START, definitions: route.definitions, keepVariables: ['applicant'] });
    expect(kept).toContain('decision: approved');
    expect(kept).toContain('applicant: Erika\n');
    expect((await whenReplayed(kept, DECISION)).failures).toEqual([]);

    const blind = captureScenario(engine.records.events, { name: 'd', route: DECISION, startTime: START });
    const failed = await whenReplayed(blind, DECISION);
    expect(failed.failures[0]?.message).toBe("path differs at element 5: expected 'approved', but the instance entered 'rejected' after 'outcome'");
  });

  it('given instance_event rows with their times, when captured, then the time between actions becomes waits and incidents become steps', async () => {
    const engine = await givenHarness(ORDER);
    const rows: HistoryEntry[] = [];
    const record = (): void => {
      for (const payload of engine.records.events.slice(rows.length)) rows.push({ payload, createdAt: new Date(engine.clock.now()).toISOString() });
    };
    engine.createInstance('order', { amount: 40, owner: 'anna' });
    record();
    engine.failJob('check', 0, 'register offline');
    record();
    engine.advanceClock(3 * 24 * HOUR);
    const [incident] = engine.incidents();
    engine.resolveIncident(incident!.key, 2);
    record();
    engine.completeJob('check', { valid: true });
    record();

    const captured = parse(captureScenario(rows, { name: 'rows', route: ORDER })) as { startTime: string; steps: unknown[]; connectors: unknown };
    expect(captured.startTime).toBe('2026-03-02T08:00:00.000Z');
    expect(captured.steps).toEqual([{ expectIncident: { element: 'check', errorType: 'JOB_NO_RETRIES' } }, { wait: 'PT72H' }, { resolveIncident: { element: 'check', retries: 2 } }]);
    expect(captured.connectors).toEqual({ 'application.check': [{ failure: { retries: 0 } }, { variables: { valid: true } }] });
    expect((await whenReplayed(captureScenario(rows, { name: 'rows', route: ORDER }), ORDER)).failures).toEqual([]);
  });

  it('given an instance started by a message, when captured, then the scenario starts by that message', async () => {
    const engine = await givenHarness(EVENTS);
    engine.correlateMessage('application-submitted', '', { applicant: 'Erika' });
    const yaml = captureScenario(engine.records.events, { name: 'intake', route: EVENTS, startTime: START });
    expect(parse(yaml)).toMatchObject({ process: 'intake', startMessage: { name: 'application-submitted' }, application: { applicant: '<text-1>' }, expect: { endEvent: 'registered' } });
    expect((await whenReplayed(yaml, EVENTS)).failures).toEqual([]);
  });
});
