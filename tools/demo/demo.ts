/**
 * `npm run demo`: submits the example applications of every route to a running Laufweg (local
 * mode, `npm start`) through the intake, as the state portal would, and prints what happened.
 *   LAUFWEG_URL   default http://127.0.0.1:3000
 *   PROCESSES_DIR default processes
 */
import { loadRouteCatalog } from '@laufweg/routes';
import { toFormData } from '../../apps/engine/src/intake/testing/submission-builder';
import { demoSubmissions } from './demo-submissions';

const BASE = (process.env['LAUFWEG_URL'] ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const PROCESSES_DIR = process.env['PROCESSES_DIR'] ?? 'processes';

interface Receipt {
  status?: 'accept' | 'reject';
  processInstanceKey?: string;
  problems?: { title: string; detail: string }[];
  type?: string;
  detail?: string;
}

async function token(username: string): Promise<string> {
  const response = await fetch(`${BASE}/dev-auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username }) });
  if (!response.ok) throw new Error(`Keine Anmeldung als ${username} möglich (HTTP ${response.status}). Läuft Laufweg im lokalen Modus (npm start)?`);
  return ((await response.json()) as { access_token: string }).access_token;
}

async function main(): Promise<void> {
  const { bundles, problems } = loadRouteCatalog(PROCESSES_DIR);
  for (const problem of problems) console.warn(`Route übersprungen: ${problem}`);
  const submissions = demoSubmissions(bundles);
  if (submissions.length === 0) {
    console.log(`Keine Beispielanträge in ${PROCESSES_DIR} gefunden.`);
    return;
  }
  let intake: string;
  try {
    intake = await token('ina.intake');
  } catch (error) {
    console.error(`Laufweg unter ${BASE} ist nicht erreichbar: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
    return;
  }
  console.log(`Reiche ${submissions.length} Beispielanträge bei ${BASE} ein (als Antragsportal ina.intake) …\n`);
  const outcome = { angenommen: 0, abgelehnt: 0, fehler: 0 };
  for (const { route, example, tenant, submission } of submissions) {
    const label = `${route.name} · ${example.name} → ${tenant}`;
    const response = await fetch(`${BASE}/api/v1/submissions`, { method: 'POST', headers: { authorization: `Bearer ${intake}` }, body: toFormData(submission) });
    const receipt = (await response.json().catch(() => ({}))) as Receipt;
    if (receipt.status === 'accept') {
      outcome.angenommen += 1;
      const status = await fetch(`${BASE}/api/v1/submissions/${submission.fields.submissionId}`, { headers: { authorization: `Bearer ${intake}` } });
      const state = status.ok ? ((await status.json()) as { status: string }).status : 'unbekannt';
      console.log(`  ✔ ${label}: angenommen (HTTP ${response.status}), Vorgang ${receipt.processInstanceKey ?? '?'}, Stand: ${GERMAN_STATUS[state] ?? state}`);
    } else if (receipt.status === 'reject') {
      outcome.abgelehnt += 1;
      console.log(`  ✘ ${label}: abgelehnt`);
      for (const problem of receipt.problems ?? []) console.log(`      – ${problem.title}: ${problem.detail}`);
    } else {
      outcome.fehler += 1;
      console.log(`  ! ${label}: HTTP ${response.status} ${receipt.detail ?? receipt.type ?? ''}`);
    }
  }
  console.log(`\n${outcome.angenommen} angenommen, ${outcome.abgelehnt} abgelehnt, ${outcome.fehler} mit Fehler.`);
  const tenants = [...new Set(submissions.map((entry) => entry.tenant))];
  const caseworker = await token('carla.sachbearbeitung');
  const counts = async (): Promise<(number | undefined)[]> =>
    Promise.all(
      tenants.map(async (tenant) => {
        const tasks = await fetch(`${BASE}/api/v1/tenants/${tenant}/user-tasks?myGroups=true&limit=1`, { headers: { authorization: `Bearer ${caseworker}` } });
        return tasks.ok ? ((await tasks.json()) as { total?: number }).total : undefined;
      }),
    );
  // The engine works the cases in the background (register lookups, notices ...): wait until the
  // task lists stop growing, at most 30 seconds.
  process.stdout.write('\nDie Fachverfahren antworten ');
  let current = await counts();
  for (let stable = 0, waited = 0; stable < 3 && waited < 30; waited += 1) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const next = await counts();
    stable = JSON.stringify(next) === JSON.stringify(current) ? stable + 1 : 0;
    current = next;
    process.stdout.write('.');
  }
  process.stdout.write('\n');
  tenants.forEach((tenant, index) => {
    const count = current[index];
    console.log(`  ${tenant}: ${count === undefined ? 'Aufgaben nicht lesbar' : `${count} Aufgabe(n) warten`}`);
  });
  console.log(`\nMelden Sie sich in ${BASE} als „Carla Krause“ (Sachbearbeitung) an: die Aufgaben warten in der Aufgabenliste.`);
}

const GERMAN_STATUS: Record<string, string> = {
  received: 'eingegangen',
  'in-processing': 'in Bearbeitung',
  'needs-input': 'wartet auf Angaben',
  completed: 'abgeschlossen',
  rejected: 'abgelehnt',
};

main().catch((error: unknown) => {
  console.error(`Demo abgebrochen: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
