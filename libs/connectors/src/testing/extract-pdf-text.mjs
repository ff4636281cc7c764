// Prints the text of a PDF read from stdin as JSON: { pages: [[line, ...], ...] }. Runs as a
// child of the tests because pdfjs-dist is an ES module Jest's CommonJS runtime cannot load.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const require = createRequire(import.meta.url);
const standardFontDataUrl = join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pdf = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), standardFontDataUrl, isEvalSupported: false, verbosity: 0 }).promise;
const pages = [];
for (let number = 1; number <= pdf.numPages; number += 1) {
  const content = await (await pdf.getPage(number)).getTextContent();
  pages.push(content.items.map((item) => item.str).filter((text) => text.length > 0));
}
process.stdout.write(JSON.stringify({ pages, title: (await pdf.getMetadata()).info?.Title ?? null }));
