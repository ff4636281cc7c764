import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export interface PdfText {
  readonly pages: readonly (readonly string[])[];
  readonly title: string | null;
  /** Every text item of every page, one per line. */
  readonly text: string;
}

/** Reads a PDF back with pdfjs-dist (in a child process: pdfjs is an ES module). For tests. */
export function readPdfText(bytes: Uint8Array): PdfText {
  const output = execFileSync(process.execPath, [join(__dirname, 'extract-pdf-text.mjs')], { input: Buffer.from(bytes), cwd: __dirname, maxBuffer: 16 * 1024 * 1024 });
  const parsed = JSON.parse(output.toString('utf8')) as { pages: string[][]; title: string | null };
  return { ...parsed, text: parsed.pages.map((lines) => lines.join('\n')).join('\n') };
}
