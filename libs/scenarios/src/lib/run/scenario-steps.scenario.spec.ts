import { join } from 'node:path';
import { ENGINE_FIXTURES, SCENARIO_FIXTURES, whenRun } from '../testing/given-scenario';

const ORDER = join(ENGINE_FIXTURES, 'order-basics.bpmn');
const EVENTS = join(ENGINE_FIXTURES, 'events.bpmn');
const DEADLINE = join(ENGINE_FIXTURES, 'working-day-deadline.bpmn');
const URKUNDE = join(SCENARIO_FIXTURES, 'geburtsurkunde.bpmn');
const FOUR_EYES = join(ENGINE_FIXTURES, 'four-eyes.bpmn');

const order = (connectors: string, steps: string, expect = ''): string =>
  `name: t\nroute: r\napplication: { amount: 400, owner: anna }\nconnectors:\n${connectors}\nsteps:\n${steps}\n${expect}`;
const checked = '  application.check:\n    - variables: { valid: true }';

describe('scenario steps', () => {
  it('given a user task, when the scenario expects and completes it, then the completer and the form data reach the engine', async () => {
    const { result, events } = await whenRun(
      order(checked, '  - expectUserTask: { element: review, candidateGroup: leads, assignee: anna }\n  - completeUserTask: { element: review, user: carla, form: { approved: true } }'),
      ORDER,
    );
    expect(result.failures).toEqual([]);
    expect(events.find((record) => record.type === 'UserTaskCompleted')).toMatchObject({ completedBy: 'carla', variables: { approved: true } });
  });

  it('given a four-eyes approval, when the reviewer also approves, then the step fails naming the rule, the review task and the user', async () => {
    const steps = (approver: string): string =>
      `name: t\nroute: r\nsteps:\n  - completeUserTask: { element: review, user: anna }\n  - completeUserTask: { element: approve, user: ${approver}, form: { approved: true } }\n`;

    const { result, events } = await whenRun(steps('anna'), FOUR_EYES);

    const [reviewKey] = events.flatMap((record) => (record.type === 'UserTaskCreated' && record.userTask.elementId === 'review' ? [record.userTask.key] : []));
    expect(reviewKey).toBeDefined();
    expect(result.failures).toEqual([
      {
        where: 'steps[1].completeUserTask',
        line: 5,
        message: `the engine refused: CompleteUserTask rejected: Four-eyes rule: 'approve' must be completed by someone other than who completed 'review' (user task ${reviewKey}) in this process instance; anna completed it.`,
      },
    ]);
    expect(events.filter((record) => record.type === 'UserTaskCompleted')).toHaveLength(1);

    const second = await whenRun(`${steps('ben')}expect: { endEvent: end }`, FOUR_EYES);
    expect(second.result.failures).toEqual([]);
  });

  it('given a user task for other groups, when the scenario expects a group, then it names the groups the task has', async () => {
    const { result } = await whenRun(order(checked, '  - expectUserTask: { element: review, candidateGroup: standesamt }'), ORDER);
    expect(result.failures).toEqual([{ where: 'steps[0].expectUserTask', line: 8, message: "user task 'review' is for the candidate groups [clerks, leads], not 'standesamt'" }]);
  });

  it('given no open task, when the scenario completes one, then the step fails, later steps do not run, and the open tasks are named', async () => {
    const { result } = await whenRun(order('  application.check:\n    - pending: true', '  - completeUserTask: { element: review }\n  - wait: P1D'), ORDER);
    expect(result.failures).toEqual([{ where: 'steps[0].completeUserTask', line: 8, message: "no open user task 'review'; open user tasks: none" }]);
    expect(result.path).toEqual(['start', 'check']);
  });

  it('given a waiting receive task, when a message with the right key arrives, then the flow goes on; with another key it does not', async () => {
    const application = 'process: waiting\napplication: { applicationId: A-1, deadline: P30D }';
    const right = await whenRun(`name: t\nroute: r\n${application}\nsteps:\n  - message: { name: documents-received, correlationKey: A-1, variables: { documents: [a.pdf] } }\n  - expectActive: cooldown\n  - expectVariables: { match: { files: [a.pdf] } }`, EVENTS);
    expect(right.result.failures).toEqual([]);
    const wrong = await whenRun(`name: t\nroute: r\n${application}\nsteps:\n  - message: { name: documents-received, correlationKey: A-2 }\n  - expectActive: cooldown`, EVENTS);
    expect(wrong.result.failures).toEqual([{ where: 'steps[1].expectActive', line: 7, message: "'cooldown' not active; active: waitDocs" }]);
  });

  it('given a signal catch, when the scenario broadcasts the signal, then the instance completes', async () => {
    const { result } = await whenRun(
      'name: t\nroute: r\nprocess: waiting\napplication: { applicationId: A-1, deadline: P30D }\nsteps:\n  - message: { name: documents-received, correlationKey: A-1 }\n  - wait: PT1H\n  - expectActive: waitGo\n  - signal: { name: go }\nexpect: { state: completed, endEvent: done }',
      EVENTS,
    );
    expect(result.failures).toEqual([]);
  });

  it('given a deadline of 10 working days in Saxony, when 9 and then 1 working day pass, then the timer fires only after the 10th', async () => {
    const yaml = (wait: string): string => `name: t\nroute: r\nstartTime: 2026-11-17T09:00:00+01:00\nsteps:\n${wait}\nexpect: { endEvent: final }`;
    const early = await whenRun(yaml('  - wait: 9 working days\n  - expectActive: await-objection'), DEADLINE);
    expect(early.result.failures.map((failure) => failure.where)).toEqual(['expect.endEvent']);
    const due = await whenRun(yaml('  - wait: 10 working days'), DEADLINE);
    expect(due.result.failures).toEqual([]);
    const triggered = due.events.find((record) => record.type === 'TimerCreated');
    expect(triggered?.type === 'TimerCreated' && new Date(triggered.timer.dueDate).toISOString()).toBe('2026-12-02T08:00:00.000Z');
  });

  it('given a year of timers (a nightly job, reminders, a 300-day deadline), when the scenario waits a year, then the virtual clock runs it in seconds', async () => {
    const started = performance.now();
    const { result, events } = await whenRun('name: t\nroute: r\nprocess: waiting\napplication: { applicationId: A-1, deadline: P300D }\nconnectors:\n  portal.notify: { default: { variables: {} } }\nsteps:\n  - wait: P1Y\nexpect: { endEvent: expired }', EVENTS);
    expect(result.failures).toEqual([]);
    expect(events.filter((record) => record.type === 'TimerTriggered').length).toBeGreaterThan(300);
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('given an outage, when retries run out, then the incident is expected, resolved, and the next answer completes the job', async () => {
    const { result, events } = await whenRun(
      order('  application.check:\n    - outage: register offline\n    - variables: { valid: true }', '  - expectIncident: { element: check, errorType: JOB_NO_RETRIES }\n  - resolveIncident: { element: check }\n  - expectCompleted: check'),
      ORDER,
    );
    expect(result.failures).toEqual([]);
    expect(events.filter((record) => record.type === 'JobFailed').map((record) => record.type === 'JobFailed' && record.retries)).toEqual([1, 0]);
  });

  it('given an incident of another type, when the scenario expects JOB_NO_RETRIES, then it names the actual type and message', async () => {
    const yaml = 'name: t\nroute: r\napplication: { amount: 40 }\nconnectors:\n  application.check: [{ variables: { valid: yes } }]\nsteps:\n  - expectIncident: { element: decide, errorType: JOB_NO_RETRIES }';
    const { result } = await whenRun(yaml, ORDER);
    expect(result.failures[0]?.message).toMatch(/^the incident at 'decide' is CONDITION_ERROR \(.+\), not JOB_NO_RETRIES$/);
  });

  it('given variables, when FEEL and JSON expectations do not hold, then each difference is named', async () => {
    const feel = await whenRun(order(checked, '  - expectVariables: { feel: "amount > 500" }'), ORDER);
    expect(feel.result.failures[0]?.message).toMatch(/^'amount > 500' is false, not true \(variables: \{"amount":400,/);
    const match = await whenRun(order(checked, '  - expectVariables: { match: { amount: 40, checked: true, missing: [1] } }'), ORDER);
    expect(match.result.failures[0]?.message).toBe('amount: expected 40, got 400; missing: expected [1], but it is not set');
  });

  it('given a BPMN error, a failure with backoff and default answers, when the route runs, then each answer is used in call order', async () => {
    const { result, events } = await whenRun(
      [
        'name: t', 'route: r', 'application: { antragId: GU-1 }', 'connectors:',
        '  civil-register.lookup: [{ error: { code: NOT_FOUND, message: nicht im Register } }]',
        '  payment.request: [{ failure: { retries: 1, backoff: PT1H } }, { variables: { kassenzeichen: K-1 } }]',
        'steps:', '  - expectActive: manuell-recherchieren', '  - completeUserTask: { element: manuell-recherchieren }',
        '  - expectActive: gebuehr-anfordern', '  - wait: PT59M', '  - expectActive: gebuehr-anfordern', '  - wait: PT1M', '  - expectActive: zahlung-abwarten',
      ].join('\n'),
      URKUNDE,
    );
    expect(result.failures).toEqual([]);
    expect(events.find((record) => record.type === 'JobErrorThrown')).toMatchObject({ errorCode: 'NOT_FOUND', errorMessage: 'nicht im Register' });
    expect(result.path).toEqual(['antrag-eingegangen', 'registereintrag-suchen', 'kein-eintrag', 'manuell-recherchieren', 'eintrag-geklaert', 'gebuehr-anfordern', 'zahlung-abwarten']);
  });

  it('given a job type without an answer, when the scenario fails, then a note names the waiting job', async () => {
    const { result } = await whenRun('name: t\nroute: r\napplication: { amount: 40 }\nexpect: { endEvent: end }', ORDER);
    expect(result.notes).toEqual(["jobs without an answer in 'connectors': application.check at 'check'"]);
  });

  it('given a message start event, when the scenario starts by message, then the application arrives as the message variables', async () => {
    const { result, events } = await whenRun('name: t\nroute: r\nprocess: intake\nstartMessage: { name: application-submitted }\napplication: { applicant: Erika }\nexpect: { endEvent: registered }', EVENTS);
    expect(result.failures).toEqual([]);
    expect(events.find((record) => record.type === 'VariableSet')).toMatchObject({ name: 'applicant', value: 'Erika' });
  });

  it('given element ids the route does not have, when the scenario runs, then it stops before starting and names each with its line', async () => {
    const { result, events } = await whenRun('name: t\nroute: r\nsteps:\n  - expectActive: [check, reveiw]\nexpect:\n  path: { contains: [fe] }', ORDER);
    expect(result.failures).toEqual([
      { where: 'steps[0].expectActive[1]', line: 4, message: "'reveiw' is not an element of process 'order'" },
      { where: 'expect.path.contains[0]', line: 6, message: "'fe' is not an element of process 'order'" },
    ]);
    expect(events).toEqual([]);
  });
});
