import type { ProblemDetails } from './api-types';

/** An error answer of the API (problem+json), or a network failure (status 0). */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemDetails,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiProblem';
  }

  /** The last segment of the problem type: `urn:laufweg:problem:four-eyes` -> `four-eyes`. */
  get kind(): string {
    return (this.problem.type ?? '').split(':').pop() ?? '';
  }
}

/**
 * A German explanation of an error, saying what to do. The API's English detail follows in
 * the UI as "Details" for support.
 */
export function explainProblem(error: unknown): string {
  if (!(error instanceof ApiProblem)) return `Unerwarteter Fehler: ${error instanceof Error ? error.message : String(error)}. Bitte die Seite neu laden.`;
  switch (error.kind) {
    case 'four-eyes': {
      const earlier = error.problem.errors?.find((entry) => entry.rule === 'four-eyes')?.elementId;
      return `Vier-Augen-Prinzip: Sie haben den vorherigen Schritt${earlier ? ` „${earlier}“` : ''} in diesem Vorgang selbst erledigt. Diese Aufgabe muss eine andere Person abschließen. Bitte geben Sie die Aufgabe zurück, damit eine Kollegin oder ein Kollege sie übernehmen kann.`;
    }
    case 'task-already-claimed':
      return 'Diese Aufgabe hat inzwischen jemand anderes übernommen. Bitte laden Sie die Liste neu.';
    case 'task-not-claimed':
      return 'Die Aufgabe ist niemandem zugewiesen. Bitte übernehmen Sie sie zuerst.';
    case 'not-assignee':
      return 'Die Aufgabe ist einer anderen Person zugewiesen; nur sie kann sie abschließen oder zurückgeben.';
    case 'not-a-candidate':
      return 'Sie gehören zu keiner Gruppe, die diese Aufgabe übernehmen darf. Bitte wenden Sie sich an Ihr Team.';
    case 'invalid-form-data':
      return `Die Eingaben passen nicht zum Formular: ${(error.problem.errors ?? []).map((entry) => entry.message).join(' ')} Bitte korrigieren Sie die markierten Felder.`;
    case 'invalid-deployment':
      return explainInvalidDeployment(error.problem.errors ?? []);
    case 'scenario-invalid':
      return `Das Szenario ist ungültig: ${(error.problem.errors ?? []).map((entry) => `${entry.field ?? ''} – ${entry.message}`).join('; ')}. Bitte das YAML korrigieren.`;
    case 'route-invalid':
      return `Der Entwurf lässt sich nicht ausführen: ${(error.problem.errors ?? []).map((entry) => entry.message).join('; ')}`;
    case 'migration-invalid':
      return `Migration nicht möglich, nichts wurde verändert: ${(error.problem.errors ?? []).map((entry) => entry.message).join('; ')}. Bitte die Zuordnung ergänzen.`;
    case 'command-rejected':
      return `Die Engine hat den Befehl abgelehnt, weil der Vorgang sich inzwischen geändert hat (${error.problem.detail ?? ''}). Bitte die Ansicht neu laden.`;
    default:
      break;
  }
  if (error.status === 0) return 'Der Server ist nicht erreichbar. Bitte Netzwerkverbindung prüfen und erneut versuchen.';
  if (error.status === 401) return 'Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.';
  if (error.status === 403) return 'Dafür fehlt Ihnen die Berechtigung (Rolle). Bitte wenden Sie sich an die Administration.';
  if (error.status === 404) return 'Nicht gefunden – der Datensatz existiert nicht (mehr) oder gehört zu einer anderen Kommune.';
  if (error.status === 413) return 'Die Datei ist zu groß (höchstens 10 MiB je Datei).';
  if (error.status >= 500) return 'Auf dem Server ist ein Fehler aufgetreten. Bitte später erneut versuchen; bleibt der Fehler, das Betriebsteam informieren.';
  return `Die Anfrage wurde abgelehnt: ${error.message}`;
}

/**
 * A refused deployment: the model's problems are marked at the elements; the municipality's
 * values that do not meet the route's schemas (rule `route-values`) are listed, each message
 * naming the values file and the JSON pointer.
 */
function explainInvalidDeployment(errors: NonNullable<ProblemDetails['errors']>): string {
  const values = errors.filter((entry) => entry.rule === 'route-values');
  const model = errors.length - values.length;
  const parts: string[] = [];
  if (model > 0) parts.push(`das Modell ${count(model, 'Fehler', 'Fehler')} enthält (an den Elementen markiert)`);
  if (values.length > 0) {
    parts.push(`die Werte der Kommune nicht zum Schema des Laufwegs passen (${count(values.length, 'Fehler', 'Fehler')}: ${values.map((entry) => entry.message).join('; ')}) – bitte unter „Werte der Kommune“ korrigieren`);
  }
  if (parts.length === 0) parts.push('das Modell Fehler enthält');
  return `Der Laufweg wurde nicht veröffentlicht, weil ${parts.join(' und ')}. Bitte beheben und erneut veröffentlichen.`;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
