import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenarioFile } from './load-scenario-file';

/** A throwaway workspace with processes/geburtsurkunde/{geburtsurkunde.bpmn, scenarios/, antrag.json}. */
function givenRouteFolder(): { processes: string; scenarios: string } {
  const processes = join(mkdtempSync(join(tmpdir(), 'laufweg-routes-')), 'processes');
  const scenarios = join(processes, 'geburtsurkunde', 'scenarios');
  mkdirSync(scenarios, { recursive: true });
  writeFileSync(join(processes, 'geburtsurkunde', 'geburtsurkunde.bpmn'), '<definitions/>');
  writeFileSync(join(scenarios, 'antrag.json'), JSON.stringify({ antragId: 'GU-1', anzahl: 2 }));
  writeFileSync(join(scenarios, 'liste.json'), '[1, 2]');
  return { processes, scenarios };
}

describe('loading scenario files', () => {
  it('given a route name and an application file, when loaded, then the route resolves under processes/ and the application is read', () => {
    const { scenarios } = givenRouteFolder();
    const file = join(scenarios, 'standard.yaml');
    writeFileSync(file, 'name: Standard\nroute: geburtsurkunde\napplicationFile: antrag.json\n');
    const loaded = loadScenarioFile(file);
    expect(loaded).toMatchObject({ ok: true, scenario: { route: { name: 'geburtsurkunde', bpmnFile: join(scenarios, '..', 'geburtsurkunde.bpmn') }, application: { antragId: 'GU-1', anzahl: 2 } } });
  });

  it('given a .bpmn path, when loaded, then it resolves relative to the scenario and the route is named after the file', () => {
    const { scenarios } = givenRouteFolder();
    const file = join(scenarios, 'pfad.yaml');
    writeFileSync(file, 'name: Pfad\nroute: ../geburtsurkunde.bpmn\n');
    expect(loadScenarioFile(file)).toMatchObject({ ok: true, scenario: { route: { name: 'geburtsurkunde' }, application: {} } });
  });

  it('given an application file that is not a JSON object, or a route that does not exist, when loaded, then the problem has its line', () => {
    const { scenarios, processes } = givenRouteFolder();
    const list = join(scenarios, 'liste.yaml');
    writeFileSync(list, 'name: Liste\nroute: geburtsurkunde\napplicationFile: liste.json\n');
    expect(loadScenarioFile(list)).toEqual({ ok: false, problems: [expect.objectContaining({ path: 'applicationFile', line: 3, message: expect.stringMatching(/liste\.json must hold a JSON object$/) })] });
    const missing = join(scenarios, 'fehlt.yaml');
    writeFileSync(missing, 'name: Fehlt\nroute: personalausweis\n');
    expect(loadScenarioFile(missing, { processesDir: processes })).toEqual({
      ok: false,
      problems: [expect.objectContaining({ path: 'route', line: 2, message: `route 'personalausweis' not found: ${join(processes, 'personalausweis', 'personalausweis.bpmn')} does not exist` })],
    });
  });
});
