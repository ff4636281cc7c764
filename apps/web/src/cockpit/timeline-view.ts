import type { AuditEntry, HistoryEntry } from '../core/api-types';
import { formatDateTime, h } from '../core/dom';

const EVENT_NAMES: Record<string, string> = {
  ElementActivated: 'gestartet',
  ElementCompleted: 'abgeschlossen',
  ElementTerminated: 'abgebrochen',
  UserTaskCreated: 'Aufgabe erstellt',
  UserTaskAssigned: 'Aufgabe zugewiesen',
  UserTaskCompleted: 'Aufgabe erledigt',
  UserTaskCanceled: 'Aufgabe entfallen',
  JobCreated: 'Auftrag an Connector',
  JobCompleted: 'Connector fertig',
  JobFailed: 'Connector fehlgeschlagen',
  IncidentCreated: 'Störung',
  IncidentResolved: 'Störung behoben',
  ProcessInstanceMigrated: 'migriert',
};

/** Engine events (the steps that matter) and audit entries (who did what), merged by time. */
export function renderTimeline(history: readonly HistoryEntry[], audit: readonly AuditEntry[]): HTMLElement {
  type Row = { at: string; what: string; who: string; kind: 'event' | 'audit' };
  const rows: Row[] = [
    ...history.filter((entry) => EVENT_NAMES[entry.type]).map((entry): Row => ({ at: entry.at, what: `${entry.elementId ?? ''} ${EVENT_NAMES[entry.type]}`.trim(), who: 'Engine', kind: 'event' })),
    ...audit.filter((entry) => !entry.action.startsWith('engine.')).map((entry): Row => ({ at: entry.at, what: entry.action, who: entry.actor, kind: 'audit' })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return h(
    'section',
    { 'aria-labelledby': 'timeline-title', class: 'timeline' },
    h('h2', { id: 'timeline-title' }, 'Verlauf'),
    h('ol', {}, rows.map((row) => h('li', { class: row.kind }, h('time', { dateTime: row.at }, formatDateTime(row.at)), ' ', h('span', {}, row.what), ' ', h('span', { class: 'muted' }, row.who)))),
  );
}
