/** The start page until the modeler, task list and cockpit arrive: product, version, API docs. */
export function renderHome(root: HTMLElement, version: string): void {
  root.innerHTML = '';
  const title = document.createElement('h1');
  title.textContent = 'Laufweg';
  const tagline = document.createElement('p');
  tagline.textContent = 'Verarbeitungslaufwege für Online-Anträge der Kommunen (OZG) – BPMN-Prozess-Engine.';
  const versionLine = document.createElement('p');
  versionLine.className = 'version';
  versionLine.textContent = `Version ${version}`;
  const docs = document.createElement('a');
  docs.href = '/api/docs';
  docs.textContent = 'API-Dokumentation (OpenAPI)';
  root.append(title, tagline, versionLine, docs);
}
