import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { formatDate } from './german-format';
import type { Municipality, Signatory } from './municipality';

const A4: [number, number] = [595.28, 841.89];
const MARGIN_LEFT = 70;
const MARGIN_RIGHT = 56;
const TOP = 800;
const BOTTOM = 80;
const GREY = rgb(0.35, 0.35, 0.35);
/** Letters of names WinAnsi lacks that do not decompose into a base letter. */
const TRANSLITERATION: Readonly<Record<string, string>> = { ı: 'i', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ħ: 'h', Ħ: 'H', ŋ: 'ng' };

export interface LetterOptions {
  readonly municipality: Municipality;
  /** Document title (PDF metadata). */
  readonly title: string;
  /** Epoch ms: the letter's date and the PDF's creation date (so equal input gives equal bytes). */
  readonly now: number;
}

/**
 * A DIN-5008-like official letter on A4 with the standard Helvetica fonts: letterhead, sender
 * line, recipient, date and reference, text that wraps and breaks across pages, a footer with
 * the bank details and page numbers. Characters Helvetica's WinAnsi encoding lacks are replaced
 * (German umlauts and ß are in it).
 */
export class PdfLetter {
  private page!: PDFPage;
  private y = TOP;

  private constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly options: LetterOptions,
  ) {}

  static async create(options: LetterOptions): Promise<PdfLetter> {
    const doc = await PDFDocument.create();
    const letter = new PdfLetter(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold), options);
    doc.setTitle(options.title);
    doc.setAuthor(options.municipality.name);
    doc.setProducer('Laufweg');
    doc.setCreator('Laufweg document.render');
    doc.setCreationDate(new Date(options.now));
    doc.setModificationDate(new Date(options.now));
    letter.newPage();
    return letter;
  }

  /** The letter's date (epoch ms). */
  get date(): number {
    return this.options.now;
  }

  get width(): number {
    return A4[0] - MARGIN_LEFT - MARGIN_RIGHT;
  }

  /** The letterhead: municipality and office top right, extra letterhead lines below the name. */
  letterhead(): this {
    const { name, office, letterhead } = this.options.municipality;
    this.text(name, { size: 16, bold: true });
    for (const line of letterhead?.lines ?? []) this.text(line, { size: 9, color: GREY });
    const right = [office.name, office.street, `${office.postalCode} ${office.city}`, ...(office.phone ? [`Telefon ${office.phone}`] : []), ...(office.email ? [office.email] : [])];
    let y = TOP;
    for (const line of right) {
      const text = this.encodable(line, this.regular);
      this.page.drawText(text, { x: A4[0] - MARGIN_RIGHT - this.regular.widthOfTextAtSize(text, 9), y, size: 9, font: this.regular, color: GREY });
      y -= 12;
    }
    this.y = Math.min(this.y, y) - 24;
    return this;
  }

  /** Sender line and recipient address window (left), date and reference (right). */
  addressBlock(recipient: { name: string; lines: readonly string[] } | undefined, reference?: string): this {
    const { name, office } = this.options.municipality;
    const top = this.y;
    this.text(`${name} · ${office.name} · ${office.street} · ${office.postalCode} ${office.city}`, { size: 7, color: GREY });
    this.space(4);
    if (recipient) for (const line of [recipient.name, ...recipient.lines]) this.text(line, { size: 11 });
    const right = [`${office.city}, ${formatDate(new Date(this.options.now).toISOString())}`, ...(reference ? [`Aktenzeichen: ${reference}`] : [])];
    let y = top - 20;
    for (const line of right) {
      const text = this.encodable(line, this.regular);
      this.page.drawText(text, { x: A4[0] - MARGIN_RIGHT - this.regular.widthOfTextAtSize(text, 10), y, size: 10, font: this.regular });
      y -= 14;
    }
    this.y = Math.min(this.y, y) - 24;
    return this;
  }

  heading(text: string, size = 14): this {
    this.ensure(size * 3);
    this.text(text, { size, bold: true });
    this.space(6);
    return this;
  }

  /** Wrapped text. */
  paragraph(text: string, options: { size?: number; bold?: boolean; indent?: number } = {}): this {
    const size = options.size ?? 11;
    const font = options.bold ? this.bold : this.regular;
    for (const line of this.wrap(this.encodable(text, font), font, size, this.width - (options.indent ?? 0))) this.text(line, { ...options, size });
    this.space(size * 0.5);
    return this;
  }

  /** Label/value rows, the value column aligned. */
  fields(rows: readonly (readonly [string, string])[], labelWidth = 170): this {
    for (const [label, value] of rows) {
      const lines = this.wrap(this.encodable(value, this.regular), this.regular, 11, this.width - labelWidth);
      this.ensure(lines.length * 15);
      this.page.drawText(this.encodable(label, this.bold), { x: MARGIN_LEFT, y: this.y, size: 11, font: this.bold });
      for (const line of lines) {
        this.page.drawText(line, { x: MARGIN_LEFT + labelWidth, y: this.y, size: 11, font: this.regular });
        this.y -= 15;
      }
    }
    this.space(6);
    return this;
  }

  /** A table of descriptions and right-aligned amounts. */
  amounts(rows: readonly (readonly [string, string])[], total?: readonly [string, string]): this {
    const right = A4[0] - MARGIN_RIGHT;
    const all = total ? [...rows, total] : rows;
    all.forEach(([description, amount], index) => {
      const font = total && index === all.length - 1 ? this.bold : this.regular;
      if (total && index === all.length - 1) {
        this.page.drawLine({ start: { x: MARGIN_LEFT, y: this.y + 12 }, end: { x: right, y: this.y + 12 }, thickness: 0.5 });
      }
      const lines = this.wrap(this.encodable(description, font), font, 11, this.width - 110);
      this.ensure(lines.length * 15);
      const value = this.encodable(amount, font);
      this.page.drawText(value, { x: right - font.widthOfTextAtSize(value, 11), y: this.y, size: 11, font });
      for (const line of lines) {
        this.page.drawText(line, { x: MARGIN_LEFT, y: this.y, size: 11, font });
        this.y -= 15;
      }
    });
    this.space(8);
    return this;
  }

  bullets(items: readonly string[]): this {
    for (const item of items) {
      const lines = this.wrap(this.encodable(item, this.regular), this.regular, 11, this.width - 16);
      lines.forEach((line, index) => this.text(`${index === 0 ? '–' : ' '}  ${line}`, { size: 11 }));
    }
    this.space(6);
    return this;
  }

  /** "Im Auftrag", room to sign, the name and the role. */
  signature(signatory: Signatory, inOrder = true): this {
    this.ensure(80);
    this.space(10);
    if (inOrder) this.text('Im Auftrag', { size: 11 });
    this.space(28);
    this.text(signatory.name, { size: 11 });
    this.text(signatory.role, { size: 10, color: GREY });
    this.space(10);
    return this;
  }

  space(points: number): this {
    this.y -= points;
    return this;
  }

  /** Footer on every page (bank details where given, page x of n); answers the PDF bytes and page count. */
  async finish(): Promise<{ bytes: Uint8Array; pages: number }> {
    const pages = this.doc.getPages();
    const bank = this.options.municipality.bank;
    const footer = bank ? `Bankverbindung: ${bank.accountHolder} · ${bank.bankName} · IBAN ${bank.iban} · BIC ${bank.bic}` : this.options.municipality.name;
    pages.forEach((page, index) => {
      page.drawLine({ start: { x: MARGIN_LEFT, y: 50 }, end: { x: A4[0] - MARGIN_RIGHT, y: 50 }, thickness: 0.5, color: GREY });
      page.drawText(this.encodable(footer, this.regular), { x: MARGIN_LEFT, y: 38, size: 7.5, font: this.regular, color: GREY });
      const number = `Seite ${index + 1} von ${pages.length}`;
      page.drawText(number, { x: A4[0] - MARGIN_RIGHT - this.regular.widthOfTextAtSize(number, 7.5), y: 26, size: 7.5, font: this.regular, color: GREY });
    });
    return { bytes: await this.doc.save(), pages: pages.length };
  }

  private text(text: string, options: { size: number; bold?: boolean; color?: ReturnType<typeof rgb>; indent?: number }): void {
    this.ensure(options.size * 1.4);
    const font = options.bold ? this.bold : this.regular;
    this.page.drawText(this.encodable(text, font), { x: MARGIN_LEFT + (options.indent ?? 0), y: this.y, size: options.size, font, ...(options.color ? { color: options.color } : {}) });
    this.y -= options.size * 1.35;
  }

  private ensure(height: number): void {
    if (this.y - height < BOTTOM) this.newPage();
  }

  private newPage(): void {
    this.page = this.doc.addPage(A4);
    this.y = TOP;
  }

  private readonly characterSets = new Map<PDFFont, Set<number>>();

  private characterSet(font: PDFFont): Set<number> {
    let set = this.characterSets.get(font);
    if (!set) this.characterSets.set(font, (set = new Set(font.getCharacterSet())));
    return set;
  }

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split('\n')) {
      let line = '';
      for (const word of paragraph.split(/ +/)) {
        const candidate = line ? `${line} ${word}` : word;
        if (line && font.widthOfTextAtSize(candidate, size) > width) {
          lines.push(line);
          line = word;
        } else {
          line = candidate;
        }
      }
      lines.push(line);
    }
    return lines;
  }

  /** Replaces what WinAnsi cannot encode: a transliteration or base letter where one exists (ő → o, ł → l), else '?'. */
  private encodable(text: string, font: PDFFont): string {
    const supported = this.characterSet(font);
    return [...text.normalize('NFC').replace(/\t/g, ' ')]
      .map((char) => {
        if (char === '\n' || supported.has(char.codePointAt(0) ?? 0)) return char;
        if (TRANSLITERATION[char]) return TRANSLITERATION[char];
        const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
        return base && [...base].every((part) => supported.has(part.codePointAt(0) ?? 0)) ? base : '?';
      })
      .join('');
  }
}
