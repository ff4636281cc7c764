import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { BrowserHarness } from './browser-harness';

const TENANT = 'musterstadt';
const fixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const tenantPath = (path: string): string => `/api/v1/tenants/${TENANT}${path}`;

type Definition = { processDefinitionKey: string; version: number };

/**
 * The web app end to end in Chromium: a designer changes and deploys a route, a scenario run
 * shows its path, a caseworker completes a task with its form and is stopped by the four-eyes
 * rule on the next, and the team sees the instance completed with its path. The steps build on
 * each other, as the people in a municipality would work.
 */
describe('web app in the browser', () => {
  let harness: BrowserHarness;
  let instanceKey: string;

  beforeAll(async () => {
    harness = await BrowserHarness.start();
    // given the route with its two forms, deployed through the API
    const deployed = await harness.api<{ processes: Definition[] }>('dana.designer', 'POST', tenantPath('/deployments'), {
      resourceName: 'bescheid.bpmn',
      content: fixture('bescheid.bpmn'),
      resources: ['antrag-pruefen.form', 'bescheid-freigeben.form'].map((name) => ({ name, content: fixture(name) })),
    });
    expect(deployed.status).toBe(201);
  }, 60_000);

  afterAll(async () => harness?.close());

  async function closeWith(page: Page, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } finally {
      await page.close();
    }
  }

  it('a designer opens the route, changes a label and deploys a new version', async () => {
    const page = await harness.signIn('dana.designer');
    await closeWith(page, async () => {
      // when she opens the deployed route in the modeler
      await page.getByRole('link', { name: 'Modellierung' }).click();
      await page.getByLabel('Veröffentlichten Laufweg öffnen').selectOption({ label: 'Bescheid erteilen (v1)' });
      const task = page.locator('.modeler-canvas [data-element-id="antrag-pruefen"]').first();
      await task.waitFor();
      await page.locator('.problems .ok').waitFor();

      // and renames a task on the canvas, then deploys
      await task.dblclick();
      await page.locator('.djs-direct-editing-parent').waitFor();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('Antrag und Unterlagen prüfen');
      await page.locator('.modeler-canvas [data-element-id="bescheid-erteilt"]').first().click();
      await page.getByRole('button', { name: 'Veröffentlichen' }).click();

      // then version 2 is deployed with the new label, and the history lists it
      await page.getByText('Veröffentlicht: bescheid Version 2.').waitFor();
      await page.locator('.history li[data-version="2"]').waitFor();
      await harness.screenshot(page, 'modeler');
      const versions = await harness.api<{ items: Definition[] }>('dana.designer', 'GET', tenantPath('/process-definitions?processId=bescheid&allVersions=true'));
      const latest = versions.body.items.find((definition) => definition.version === 2);
      expect(latest).toBeDefined();
      const xml = await fetch(`${harness.baseUrl}${tenantPath(`/process-definitions/${latest?.processDefinitionKey}/xml`)}`, { headers: { authorization: `Bearer ${await page.evaluate<string | null>('sessionStorage.getItem("laufweg.token")')}` } });
      expect(await xml.text()).toContain('name="Antrag und Unterlagen prüfen"');
    });
  });

  it('a scenario run shows its path on the diagram', async () => {
    const page = await harness.signIn('dana.designer');
    await closeWith(page, async () => {
      // when the designer runs a scenario against the deployed route
      await page.getByRole('link', { name: 'Test' }).click();
      await page.getByLabel('Laufweg', { exact: true }).selectOption('process:bescheid');
      await page.locator('.diagram [data-element-id="antrag-pruefen"]').first().waitFor();
      await page.getByLabel('Szenario (YAML', { exact: false }).fill(fixture('bescheid-genehmigt.yaml'));
      await page.getByRole('button', { name: 'Szenario ausführen' }).click();

      // then it passed, every element shows its visits and the taken flows are highlighted
      await page.locator('.verdict[data-passed="true"]').waitFor({ timeout: 30_000 });
      expect(await page.locator('.diagram-badge.lw-visits').count()).toBe(4);
      expect(await page.locator('.djs-connection.lw-flow-taken').count()).toBe(3);
      await harness.screenshot(page, 'scenario-run');
    });
  });

  it('a caseworker claims and completes a task with its form', async () => {
    // given an application that arrived with a submission and an attachment
    const started = await harness.api<{ processInstanceKey: string }>('tom.team', 'POST', tenantPath('/process-definitions/bescheid/start'), {
      businessKey: 'BS-2026-0042',
      variables: {
        application: { antragsteller: 'Erika Mustermann', geburtsdatum: '1990-05-17', anliegen: 'Bescheid über die Namensführung' },
        submission: { submissionId: 'SUB-0042', serviceName: 'Namensführung', receivedAt: '2026-03-02T08:00:00.000Z', attachments: [{ id: 'att-1', name: 'Geburtsurkunde.pdf', mediaType: 'application/pdf', size: 48213 }] },
      },
    });
    expect(started.status).toBe(201);
    instanceKey = started.body.processInstanceKey;

    const page = await harness.signIn('carla.sachbearbeitung');
    await closeWith(page, async () => {
      // when Carla claims it from her groups' tasks
      await page.getByRole('tab', { name: 'Aufgaben meiner Gruppen' }).click();
      const row = page.locator('tr', { hasText: 'Antrag und Unterlagen prüfen' });
      await row.waitFor();
      await harness.screenshot(page, 'task-list');
      await row.getByRole('button', { name: 'Übernehmen' }).click();

      // then the task shows the application, the submission's attachment and the form
      await page.getByRole('heading', { name: 'Antragsdaten' }).waitFor();
      await page.getByText('Erika Mustermann').waitFor();
      await page.getByRole('button', { name: /Geburtsurkunde\.pdf/ }).waitFor();
      await page.getByLabel('Unterlagen vollständig').check();
      await page.getByLabel('Bemerkung').fill('Alles da.');
      await harness.screenshot(page, 'task-view');

      // and completing it moves the instance on
      await page.getByRole('button', { name: 'Abschließen' }).click();
      await page.getByText('Die Aufgabe ist abgeschlossen.').waitFor();
    });
  });

  it('the four-eyes rule keeps the same caseworker from approving, explained in German', async () => {
    const page = await harness.signIn('carla.sachbearbeitung');
    await closeWith(page, async () => {
      // when Carla takes the approval of the case she checked herself
      await page.getByRole('tab', { name: 'Aufgaben meiner Gruppen' }).click();
      await page.locator('tr', { hasText: 'Bescheid freigeben' }).getByRole('button', { name: 'Übernehmen' }).click();
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
    const tasks = await harness.api<{ items: { key: string }[] }>('carl.sachbearbeitung', 'GET', tenantPath(`/user-tasks?processInstanceKey=${instanceKey}`));
    const key = tasks.body.items[0]?.key;
    expect((await harness.api('carl.sachbearbeitung', 'POST', tenantPath(`/user-tasks/${key}/claim`))).status).toBe(204);
    expect((await harness.api('carl.sachbearbeitung', 'POST', tenantPath(`/user-tasks/${key}/complete`), { variables: { entscheidung: 'genehmigt' } })).status).toBe(204);
  });

  it('the team sees the instance completed with its path', async () => {
    const page = await harness.signIn('tom.team');
    await closeWith(page, async () => {
      // when Tom searches the cockpit by the business key
      await page.getByLabel('Aktenzeichen').fill('BS-2026-0042');
      await page.getByRole('button', { name: 'Suchen' }).click();
      await page.locator(`tr[data-instance="${instanceKey}"]`).getByText('abgeschlossen').waitFor();
      await harness.screenshot(page, 'cockpit-search');
      await page.getByRole('link', { name: instanceKey }).click();

      // then the instance is completed and its whole path is marked on the diagram
      await page.locator('[data-status="completed"]').waitFor();
      await page.locator('.diagram [data-element-id="bescheid-erteilt"]').first().waitFor();
      expect(await page.locator('.djs-element.lw-done').count()).toBe(4);
      expect(await page.locator('.djs-connection.lw-flow-taken').count()).toBe(3);
      await page.getByRole('heading', { name: 'Verlauf' }).waitFor();
      await harness.screenshot(page, 'cockpit-instance');
    });
  });
});
