import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { BrowserHarness, PROCESSES_DIR } from './browser-harness';

/** The municipality whose certificate route (processes/urkunden) the people work with. */
const PLAUEN = 'plauen';
/** The demo municipality of the fixture route `bescheid` (four-eyes). */
const MUSTERSTADT = 'musterstadt';
const CASE_ID = 'STA-2026-0042';
const RENAMED = 'Urkunde ausstellen, unterschreiben und siegeln';

const fixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const tenantPath = (tenant: string, path: string): string => `/api/v1/tenants/${tenant}${path}`;

type Definition = { processDefinitionKey: string; version: number; name?: string };
type Instance = { key: string; status: string; businessKey: string | null; processId: string; version: number };

/**
 * The web app end to end in Chromium on the real certificate route of Plauen (processes/urkunden,
 * deployed at start as in local mode, connector simulators answering): a designer changes a label
 * and deploys, the team runs the route's scenarios against her draft (one with its path, all of
 * them as a coverage heat map, a broken copy with its diverging element), an application filed
 * through the portal is paid on the pay page and completed by a caseworker with its form, and the
 * team sees the case completed with its path and certificate. The steps build on each other, as the people in a municipality
 * would work. The four-eyes refusal runs on a small fixture route of the demo municipality.
 */
describe('web app in the browser', () => {
  let harness: BrowserHarness;
  let caseKey: string;

  beforeAll(async () => {
    harness = await BrowserHarness.start();
    // given the fixture route with its two forms in the demo municipality, deployed through the API
    const deployed = await harness.api<{ processes: Definition[] }>('dana.designer', 'POST', tenantPath(MUSTERSTADT, '/deployments'), {
      resourceName: 'bescheid.bpmn',
      content: fixture('bescheid.bpmn'),
      resources: ['antrag-pruefen.form', 'bescheid-freigeben.form'].map((name) => ({ name, content: fixture(name) })),
    });
    expect(deployed.status).toBe(201);
  }, 90_000);

  afterAll(async () => harness?.close());

  /** Zooms a diagram in around an element as a user does (Ctrl + mouse wheel), so a wide route stays readable. */
  async function zoomAround(page: Page, selector: string, steps: number): Promise<void> {
    const box = await page.locator(selector).first().boundingBox();
    if (!box) throw new Error(`${selector} is not on the screen`);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.keyboard.down('Control');
    for (let step = 0; step < steps; step += 1) await page.mouse.wheel(0, -120);
    await page.keyboard.up('Control');
  }

  /** Runs the steps in the tab, then closes it; a failing step leaves a screenshot `failed-<test>.png`. */
  async function closeWith(page: Page, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (error) {
      await harness.screenshot(page, `failed-${expect.getState().currentTestName?.replace(/\W+/g, '-').slice(0, 60) ?? 'test'}`).catch(() => undefined);
      throw error;
    } finally {
      await page.close();
    }
  }

  it('a designer opens the certificate route with its files, is told what the engine refuses, and deploys a new version', async () => {
    const page = await harness.signIn('dana.designer', PLAUEN);
    await closeWith(page, async () => {
      const openVersion1 = async (): Promise<void> => {
        await page.getByLabel('Veröffentlichten Laufweg öffnen').selectOption({ label: 'Personenstandsurkunde ausstellen (v1)' });
        await page.getByText('urkunden.bpmn geöffnet, mit 3 Formularen, 2 Entscheidungen und den Werten der Kommune.').waitFor();
        await page.locator('.modeler-canvas [data-element-id="issue-certificate"]').first().waitFor();
        await page.locator('.problems .ok').waitFor();
      };

      // given the route Plauen runs, opened in the modeler with the forms, decisions and values deployed with it
      await page.getByRole('link', { name: 'Modellierung' }).click();
      await openVersion1();
      await page.getByRole('tab', { name: 'Formulare' }).click();
      for (const form of ['urkunden-issue-certificate', 'urkunden-research-entry', 'urkunden-review-entitlement']) await page.locator(`.resource-list li[data-resource="forms/${form}.form"]`).waitFor();
      await page.locator(`.resource-list [data-values="tenants/${PLAUEN}.values.json"]`).waitFor();
      await page.getByRole('tab', { name: 'Entscheidungen' }).click();
      await page.locator('.resource-list li[data-resource="decisions/urkunden-gebuehr.dmn"]').getByRole('button', { name: 'urkunden-gebuehr.dmn', exact: true }).click();
      await page.locator('.resource-editor .tjs-table').waitFor();
      await harness.screenshot(page, 'modeler-decisions');

      // when she removes the entitlement decision from the draft and deploys
      await page.getByRole('button', { name: 'decisions/urkunden-berechtigung.dmn entfernen' }).click();
      await page.getByText('decisions/urkunden-berechtigung.dmn aus dem Entwurf entfernt.').waitFor();
      expect(await page.locator('.resource-list li[data-resource]').count()).toBe(1);
      await page.getByRole('tab', { name: 'Diagramm' }).click();
      await page.getByRole('button', { name: 'Veröffentlichen' }).click();

      // then the engine refuses the draft: the decision the business rule task calls is missing, marked on the task
      const refusal = page.getByRole('alert');
      await refusal.waitFor();
      await page.getByText('Engine-Prüfung: 1 Fehler', { exact: false }).waitFor();
      await page.locator('.djs-overlays[data-container-id="check-entitlement"] .bjsl-icon-error').waitFor();
      await zoomAround(page, '.modeler-canvas [data-element-id="check-entitlement"]', 6);
      await harness.screenshot(page, 'modeler-refused');

      // when she opens the deployed version again, renames the caseworker's task on the canvas and deploys
      await openVersion1();
      const task = page.locator('.modeler-canvas [data-element-id="issue-certificate"]').first();
      await zoomAround(page, '.modeler-canvas [data-element-id="issue-certificate"]', 6);
      await task.dblclick();
      await page.locator('.djs-direct-editing-parent').waitFor();
      await page.keyboard.press('Control+A');
      await page.keyboard.type(RENAMED);
      await page.keyboard.press('Enter');
      await page.locator('.djs-direct-editing-parent').waitFor({ state: 'hidden' });

      // and, in the municipality's values, breaks the JSON — the field says what is wrong and deploying refuses —
      await page.getByRole('tab', { name: 'Werte der Kommune' }).click();
      const values = page.getByLabel(`Werte der Kommune (tenants/${PLAUEN}.values.json)`);
      const deployed = JSON.parse(await values.inputValue()) as { municipality: { fees: Record<string, number> } };
      expect(deployed.municipality.fees['furtherCopy']).toBe(6);
      const missing = 'Den Werten der Kommune fehlt das Objekt „municipality“';
      await values.fill(JSON.stringify({ fees: deployed.municipality.fees }, null, 2));
      await page.locator('#values-error').getByText(missing).waitFor();
      await page.getByRole('button', { name: 'Veröffentlichen' }).click();
      await page.getByRole('alert').getByText(`Nicht veröffentlicht – tenants/${PLAUEN}.values.json: ${missing}`).waitFor();
      // then raises the fee for each further copy from 6 to 7 (the first copy's fee stays 12 — the later flows pay it) and deploys
      await values.fill(JSON.stringify({ municipality: { ...deployed.municipality, fees: { ...deployed.municipality.fees, furtherCopy: 7 } } }, null, 2));
      await page.locator('#values-error').waitFor({ state: 'hidden' });
      await harness.screenshot(page, 'modeler-values');
      await page.getByRole('button', { name: 'Veröffentlichen' }).click();

      // then version 2 is deployed with the new label, and the history lists it
      await page.getByText('Veröffentlicht: urkunden Version 2.').waitFor();
      await page.locator('.history li[data-version="2"]').waitFor();
      await page.locator('.problems .ok').waitFor();
      await harness.screenshot(page, 'modeler');
      const versions = await harness.api<{ items: (Definition & { deploymentKey: string })[] }>('dana.designer', 'GET', tenantPath(PLAUEN, '/process-definitions?processId=urkunden&allVersions=true'));
      expect(versions.body.items.map((definition) => definition.version).sort()).toEqual([1, 2]);

      // and it carries the same forms and decisions as version 1, and its values with the new fee
      const valuesName = `tenants/${PLAUEN}.values.json`;
      const deploymentKey = (version: number): string => versions.body.items.find((definition) => definition.version === version)?.deploymentKey ?? '';
      const resources = async (version: number): Promise<{ name: string; checksum: string }[]> =>
        (await harness.api<{ items: { name: string; checksum: string }[] }>('dana.designer', 'GET', tenantPath(PLAUEN, `/deployments/${deploymentKey(version)}/resources`))).body.items.map(({ name, checksum }) => ({ name, checksum }));
      const valuesOf = async (version: number): Promise<{ municipality: { fees: Record<string, number> } }> =>
        (await harness.api<{ municipality: { fees: Record<string, number> } }>('dana.designer', 'GET', tenantPath(PLAUEN, `/deployments/${deploymentKey(version)}/resources/content?name=${encodeURIComponent(valuesName)}`))).body;
      const version1 = await resources(1);
      const version2 = await resources(2);
      expect(version1).toHaveLength(6);
      expect(version2.map(({ name }) => name)).toEqual(version1.map(({ name }) => name));
      expect(version2.filter(({ name }) => name !== valuesName)).toEqual(version1.filter(({ name }) => name !== valuesName));
      expect(version2.find(({ name }) => name === valuesName)?.checksum).not.toEqual(version1.find(({ name }) => name === valuesName)?.checksum);
      const values1 = await valuesOf(1);
      expect(values1.municipality.fees['furtherCopy']).toBe(6);
      expect(await valuesOf(2)).toEqual({ municipality: { ...values1.municipality, fees: { ...values1.municipality.fees, furtherCopy: 7 } } });
    });
  });

  it('the team runs a scenario of the certificate route, then all of them as a heat map, and a broken copy shows where it diverged', async () => {
    const page = await harness.signIn('tom.team', PLAUEN);
    await closeWith(page, async () => {
      const scenarioFiles = readdirSync(join(PROCESSES_DIR, 'urkunden', 'scenarios')).filter((name) => name.endsWith('.yaml')).sort();
      const scenario = page.getByLabel('Szenario (YAML', { exact: false });
      const loadFirst = async (): Promise<void> => {
        await page.getByRole('button', { name: '01-geburtsurkunde-bezahlt.yaml', exact: true }).click();
        await page.getByText('01-geburtsurkunde-bezahlt.yaml geladen', { exact: false }).waitFor();
      };
      const marked = async (marker: string, id: string): Promise<number> => page.locator(`.diagram .djs-element.${marker}[data-element-id="${id}"]`).count();

      // given the Test area, Tom picks the certificate route of processes/: its scenario files are
      // listed, and the draft the designer saved when she deployed version 2 is what they run against
      await page.getByRole('link', { name: 'Test' }).click();
      await page.getByLabel('Szenarien des Laufwegs', { exact: false }).selectOption('urkunden');
      expect(await page.locator('.scenario-files button').allTextContents()).toEqual(scenarioFiles);
      expect(scenarioFiles).toHaveLength(11);
      expect(await page.getByLabel('Laufweg', { exact: true }).inputValue()).toBe('draft');
      await page.locator('.diagram [data-element-id="collect-fee"]').first().waitFor();

      // when he loads the paid birth certificate scenario into the editor and runs it
      await loadFirst();
      expect(await scenario.inputValue()).toContain('name: Geburtsurkunde Plauen');
      await page.getByRole('button', { name: 'Szenario ausführen' }).click();

      // then it passed, and its path is on the diagram: entered elements with their visits, taken flows
      await page.locator('.verdict[data-passed="true"]').waitFor({ timeout: 30_000 });
      expect(await page.locator('.verdict').textContent()).toContain('Szenario bestanden');
      for (const id of ['application-received', 'find-register-entry', 'calculate-fee', 'collect-fee', 'issue-certificate', 'send-certificate', 'file-case', 'case-closed']) expect({ id, done: await marked('lw-done', id) }).toEqual({ id, done: 1 });
      for (const id of ['research-entry', 'review-entitlement', 'send-rejection']) expect({ id, done: await marked('lw-done', id) }).toEqual({ id, done: 0 });
      expect(await page.locator('.djs-connection.lw-flow-taken').count()).toBeGreaterThan(10);
      expect(await page.locator('.diagram-badge.lw-visits').count()).toBeGreaterThan(10);
      await harness.screenshot(page, 'scenario-path');

      // when he runs every scenario of the route
      await page.getByRole('button', { name: 'Alle Szenarien ausführen' }).click();

      // then he sees the progress, and all eleven pass
      await page.locator('.suite-progress').getByText(/\d+ von 11 Szenarien ausgeführt/).waitFor();
      await page.locator('.suite-verdict').waitFor({ timeout: 60_000 });
      expect(await page.locator('.suite-verdict').textContent()).toContain('11 von 11 Szenarien bestanden (gegen Entwurf: urkunden.bpmn)');
      expect(await page.locator('.suite-results li[data-passed="true"]').count()).toBe(11);

      // and the heat map covers every element and flow of the route: no red, shades by how many scenarios took them
      const figures = page.locator('.coverage-figures');
      expect([await figures.getAttribute('data-nodes'), await figures.getAttribute('data-flows')]).toEqual(['100', '100']);
      expect(await figures.textContent()).toContain('Flüsse: 100 % (36 von 36)');
      await page.locator('.never-taken.none').waitFor();
      expect(await page.locator('.diagram .lw-heat-never').count()).toBe(0);
      expect(await page.locator('.diagram .djs-connection[class*="lw-heat-"]').count()).toBe(36);
      expect(await marked('lw-heat-4', 'application-received')).toBe(1);
      expect(await page.locator('.djs-overlays[data-container-id="application-received"] .lw-heat-badge').textContent()).toBe('11/11');
      expect(await page.locator('.diagram .djs-shape.lw-heat-1').count()).toBeGreaterThan(0);
      await harness.screenshot(page, 'scenario-run');

      // and each result opens its own path
      await page.getByRole('button', { name: 'Weg von 10-sperrvermerk-standesbeamtin-entscheidet.yaml zeigen' }).click();
      await page.locator('.verdict[data-passed="true"]').waitFor();
      expect(await marked('lw-done', 'review-entitlement')).toBe(1);
      await page.getByRole('button', { name: 'Zurück zur Abdeckung aller Szenarien' }).click();
      await page.locator('.coverage-figures').waitFor();

      // when he runs a copy that expects a fee of 15 euros instead of 12
      await loadFirst();
      const original = await scenario.inputValue();
      expect(original).toContain('fee: { amount: 12, exempt: false }');
      await scenario.fill(original.replace('fee: { amount: 12,', 'fee: { amount: 15,'));
      await page.getByRole('button', { name: 'Szenario ausführen' }).click();

      // then it failed at the fee check, and the path broke off in the fee collection, named and marked on the diagram
      await page.locator('.verdict[data-passed="false"]').waitFor({ timeout: 30_000 });
      expect(await page.locator('.verdict').textContent()).toContain('erster abweichender Schritt: collect-fee („Gebühr erheben“)');
      expect(await page.locator('.failures').textContent()).toContain('fee.amount: expected 15, got 12');
      await page.locator('.diagram .djs-element.lw-diverged[data-element-id="collect-fee"]').waitFor();
      expect(await marked('lw-done', 'issue-certificate')).toBe(0);
      await harness.screenshot(page, 'scenario-run-failed');
    });
  });

  it('an application filed in the portal is paid and a caseworker completes the certificate task with its form', async () => {
    // given a birth certificate application from the portal, the connectors run: the case asks for the fee
    caseKey = await harness.submit(PLAUEN, 'urkunden', 'geburtsurkunde', { submissionId: 'sub-gu-0042', caseId: CASE_ID });
    await harness.runJobs();
    const requests = await harness.openPaymentRequests(PLAUEN, caseKey);
    expect(requests).toHaveLength(1);

    // when the applicant pays on the pay page
    const payPage = await harness.newPage();
    await closeWith(payPage, async () => {
      await payPage.goto(`${harness.baseUrl}/simulator/payments/${requests[0]}`);
      await payPage.getByText('12,00 €').first().waitFor();
      await harness.screenshot(payPage, 'pay-page');
      await payPage.getByRole('button', { name: 'Jetzt bezahlen' }).click();
      await payPage.getByText(/Bezahlt am/).waitFor();
    });
    await harness.runJobs();

    const page = await harness.signIn('carla.sachbearbeitung', PLAUEN);
    await closeWith(page, async () => {
      // then the certificate task waits for the registry office, under the designer's new label
      await page.getByRole('tab', { name: 'Aufgaben meiner Gruppen' }).click();
      const row = page.locator('tr', { hasText: RENAMED });
      await row.waitFor();
      await harness.screenshot(page, 'task-list');

      // when Carla claims it, sees the application and fills the form
      await row.getByRole('button', { name: 'Übernehmen' }).click();
      await page.getByRole('heading', { name: RENAMED }).waitFor();
      await page.getByRole('heading', { name: 'Antragsdaten' }).waitFor();
      await page.locator('.case-data').getByText('Mustermann').first().waitFor();
      await page.locator('.case-data').getByText('Erika').first().waitFor();
      await page.getByLabel('Angaben geprüft, Urkunde unterschrieben und gesiegelt').check();
      await page.getByLabel('Vermerk').fill('Geprüft gegen G 412/1990, auf Sicherheitspapier gedruckt.');
      await harness.screenshot(page, 'task-view');

      // and completes it
      await page.getByRole('button', { name: 'Abschließen' }).click();
      await page.getByText('Die Aufgabe ist abgeschlossen.').waitFor();
    });

    // then the connectors print, send and file the certificate, and the case is completed
    await harness.runJobs();
    const instance = await harness.api<Instance>('tom.team', 'GET', tenantPath(PLAUEN, `/process-instances/${caseKey}`));
    expect([instance.body.status, instance.body.version]).toEqual(['completed', 2]);
  });

  it('the team finds the case completed with its path and the certificate', async () => {
    const page = await harness.signIn('tom.team', PLAUEN);
    await closeWith(page, async () => {
      // when Tom searches the cockpit for completed cases of the certificate route (the intake
      // sets no business key: the portal's case id is in the submission)
      await page.getByRole('link', { name: 'Cockpit' }).click();
      await page.getByLabel('Laufweg').fill('urkunden');
      await page.getByLabel('Status').selectOption('completed');
      await page.getByRole('button', { name: 'Suchen' }).click();
      await page.locator(`tr[data-instance="${caseKey}"]`).getByText('abgeschlossen').waitFor();
      await harness.screenshot(page, 'cockpit-search');
      await page.getByRole('link', { name: caseKey }).click();

      // then the case is completed and its path is marked on the diagram
      await page.locator('[data-status="completed"]').waitFor();
      await page.locator('.diagram [data-element-id="case-closed"]').first().waitFor();
      for (const id of ['application-received', 'find-register-entry', 'collect-fee', 'issue-certificate', 'send-certificate', 'file-case', 'case-closed']) {
        expect({ id, done: await page.locator(`.djs-element.lw-done[data-element-id="${id}"]`).count() }).toEqual({ id, done: 1 });
      }
      for (const id of ['research-entry', 'review-entitlement', 'send-rejection']) {
        expect({ id, done: await page.locator(`.djs-element.lw-done[data-element-id="${id}"]`).count() }).toEqual({ id, done: 0 });
      }
      expect(await page.locator('.djs-connection.lw-flow-taken').count()).toBeGreaterThan(10);
      // (the process itself is not marked: its marker would paint every element as taken)
      expect(await page.locator('.diagram .lw-done .djs-element[data-element-id="research-entry"]').count()).toBe(0);

      // and the certificate is listed and opens as a PDF
      const certificate = page.locator('.documents li[data-template="certificate"]');
      await certificate.waitFor();
      await page.getByRole('heading', { name: 'Verlauf' }).waitFor();
      await harness.screenshot(page, 'cockpit-instance');
      const popup = page.context().waitForEvent('page');
      await certificate.getByRole('button', { name: /öffnen$/ }).click();
      const pdf = await popup;
      expect(pdf.url()).toMatch(/^blob:/);
      await pdf.close();
    });
  });

  it('the four-eyes rule keeps the same caseworker from approving, explained in German', async () => {
    // given a case of the fixture route that Carla checked herself
    // (with an earlier notice of the municipality referenced in the application, as document.render answers)
    const notice = 'Vorbescheid Erika Mustermann.pdf';
    const noticeId = await harness.storeDocument(MUSTERSTADT, notice);
    const started = await harness.api<{ processInstanceKey: string }>('tom.team', 'POST', tenantPath(MUSTERSTADT, '/process-definitions/bescheid/start'), {
      businessKey: 'BS-2026-0042',
      variables: { application: { antragsteller: 'Erika Mustermann', anliegen: 'Bescheid über die Namensführung', vorbescheid: { document: { id: noticeId, name: notice, mediaType: 'application/pdf' } } } },
    });
    expect(started.status).toBe(201);
    const instanceKey = started.body.processInstanceKey;
    const taskOf = async (user: string): Promise<string | undefined> =>
      (await harness.api<{ items: { key: string }[] }>(user, 'GET', tenantPath(MUSTERSTADT, `/user-tasks?processInstanceKey=${instanceKey}`))).body.items[0]?.key;
    const check = await taskOf('carla.sachbearbeitung');
    expect((await harness.api('carla.sachbearbeitung', 'POST', tenantPath(MUSTERSTADT, `/user-tasks/${check}/claim`))).status).toBe(204);
    expect((await harness.api('carla.sachbearbeitung', 'POST', tenantPath(MUSTERSTADT, `/user-tasks/${check}/complete`), { variables: { unterlagenVollstaendig: true } })).status).toBe(204);

    const page = await harness.signIn('carla.sachbearbeitung', MUSTERSTADT);
    await closeWith(page, async () => {
      // when Carla takes the approval of the case she checked herself
      await page.getByRole('tab', { name: 'Aufgaben meiner Gruppen' }).click();
      await page.locator('tr', { hasText: 'Bescheid freigeben' }).getByRole('button', { name: 'Übernehmen' }).click();

      // (the notice in the case data opens as a PDF, fetched from the municipality's documents)
      const popup = page.context().waitForEvent('page');
      await page.locator('.case-data').getByRole('button', { name: `${notice} öffnen` }).click();
      const pdf = await popup;
      expect(pdf.url()).toMatch(/^blob:/);
      await pdf.close();
      await page.getByText('Genehmigt').click();
      await page.getByRole('button', { name: 'Abschließen' }).click();

      // then the refusal says why and what to do, and the task stays open
      const alert = page.getByRole('alert');
      await alert.getByText(/Vier-Augen-Prinzip/).waitFor();
      expect(await alert.textContent()).toContain('Diese Aufgabe muss eine andere Person abschließen');
      await harness.screenshot(page, 'four-eyes');
      await page.getByRole('button', { name: 'Zurückgeben' }).click();
      await page.getByRole('button', { name: 'Übernehmen' }).waitFor();
    });

    // and a second caseworker approves it
    const approval = await taskOf('carl.sachbearbeitung');
    expect((await harness.api('carl.sachbearbeitung', 'POST', tenantPath(MUSTERSTADT, `/user-tasks/${approval}/claim`))).status).toBe(204);
    expect((await harness.api('carl.sachbearbeitung', 'POST', tenantPath(MUSTERSTADT, `/user-tasks/${approval}/complete`), { variables: { entscheidung: 'genehmigt' } })).status).toBe(204);
  });
});
