import { join } from 'node:path';
import { parseScenario, formatProblem } from '../format/parse-scenario';
import type { LoadedScenario } from '../format/load-scenario-file';
import { loadRouteBundleFile, type ScenarioRoute } from '../route/load-route';
import { runScenario } from './run-scenario';

const BUNDLE = join(__dirname, '..', '..', '..', '..', 'routes', 'src', 'lib', 'fixtures', 'processes', 'demo-fee');

async function givenBundle(): Promise<ScenarioRoute> {
  const loaded = await loadRouteBundleFile(BUNDLE, join(BUNDLE, 'demo-fee.bpmn'));
  if (!loaded.ok) throw new Error(loaded.problems.join('; '));
  return loaded.route;
}

function givenScenario(yaml: string): LoadedScenario {
  const file = join(BUNDLE, 'scenarios', 'inline.yaml');
  const parsed = parseScenario(yaml, file);
  if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
  return { file, definition: parsed.definition, locate: parsed.locate, route: { name: 'demo-fee', bpmnFile: join(BUNDLE, 'demo-fee.bpmn'), bundleDir: BUNDLE }, application: {} };
}

const PAYMENT = `
connectors:
  payment.request: { default: { variables: { payment: { requestId: PAY-1, status: OPEN } } } }
steps:
  - completeUserTask: { element: review-task, user: erika, form: { approved: true } }
expect:
  endEvent: done
`;

describe('scenarios on a route bundle', () => {
  it('starts the route as the intake does, with the municipality values of the named tenant', async () => {
    const route = await givenBundle();
    const intakeVariables = `
  - expectVariables:
      match:
        application: { copies: 2, applicant: { familyName: Müller } }
        submission: { submissionId: S-7, caseId: case-inline, serviceName: Bescheinigung beantragen, receivedAt: "2026-03-02T08:00:00Z", attachments: [{ id: att-1, name: ausweis.pdf, purpose: identity }] }
        municipality: { name: Stadt Plauen, fees: { certificate: 12.5 } }`;
    const plauen = await runScenario(
      givenScenario(`name: Plauen\nroute: demo-fee\ntenant: plauen\nstartTime: 2026-03-02T09:00:00+01:00\nsubmission: { example: two-copies, submissionId: S-7 }\n${PAYMENT.replace('steps:', `steps:${intakeVariables}`)}`),
      route,
    );
    expect(plauen.failures).toEqual([]);
    expect(plauen.path).toEqual(['received', 'determine-fee', 'review', 'review-start', 'review-task', 'review-end', 'request-payment', 'done']);
  });

  it('gives the fee of the municipality: the same application costs differently in Zwickau', async () => {
    const route = await givenBundle();
    const yaml = (tenant: string, fee: number) =>
      `name: Gebühr ${tenant}\nroute: demo-fee\ntenant: ${tenant}\nsubmission: { data: { copies: 2, applicant: { familyName: Muster } } }\nsteps:\n  - expectVariables: { match: { fee: ${fee}, municipality: { name: Stadt ${tenant === 'plauen' ? 'Plauen' : 'Zwickau'} } } }\n`;
    expect((await runScenario(givenScenario(yaml('plauen', 25)), route)).failures).toEqual([]);
    expect((await runScenario(givenScenario(yaml('zwickau', 20)), route)).failures).toEqual([]);
    const wrong = await runScenario(givenScenario(yaml('zwickau', 25)), route);
    expect(wrong.failures[0]?.message).toContain('fee');
  });

  it('refuses an application its service schema refuses, naming the JSON pointer', async () => {
    const result = await runScenario(givenScenario('name: Ungültig\nroute: demo-fee\ntenant: plauen\nsubmission: { data: { copies: 0, applicant: {} } }\n'), await givenBundle());
    expect(result.passed).toBe(false);
    expect(result.failures[0]?.message).toMatch(/not valid for Bescheinigung beantragen.*\/copies.*\/applicant\/familyName|\/applicant\/familyName.*\/copies/);
  });

  it('needs the municipality named, and one whose values are valid', async () => {
    const route = await givenBundle();
    const without = await runScenario(givenScenario('name: Ohne Kommune\nroute: demo-fee\nsubmission: { example: two-copies }\n'), route);
    expect(without.failures[0]).toMatchObject({ where: 'tenant', message: expect.stringContaining('broken, plauen, zwickau') });
    const broken = await runScenario(givenScenario('name: Kaputt\nroute: demo-fee\ntenant: broken\nsubmission: { example: two-copies }\n'), route);
    expect(broken.failures[0]?.message).toContain('/land must be equal to one of the allowed values');
  });
});
