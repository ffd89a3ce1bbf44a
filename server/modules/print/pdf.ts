import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { phraseRuns } from '../../../domain/print-text';

/*
 * pdfmake 0.3 on the server, set up once per thread: Noto Sans JP from the npm package (shipped
 * with the app, never fetched), loaded into pdfmake's in-memory file system so that no document
 * can name a file on disk, and every URL and local path refused. Printed matter has no images or
 * fonts of its own to fetch; a document that asked for one would be a bug or an attack.
 */

const require = createRequire(import.meta.url);

interface PdfMake {
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  setLocalAccessPolicy(callback: (path: string) => boolean): void;
  setProgressCallback(callback: (progress: number) => void): void;
  virtualfs: { writeFileSync(name: string, data: Buffer): void };
}

export const FONT = 'NotoSansJP';

/**
 * A pdfmake node, loosely typed: @types/pdfmake forbids combinations pdfmake accepts (an `id` on
 * text made of pieces, a page reference inside columns), so builders use plain objects and the
 * document is checked by rendering it in the tests.
 */
export type Node = Record<string, unknown> | string;

let instance: PdfMake | undefined;

function pdfmake(): PdfMake {
  if (instance) return instance;
  const m = require('pdfmake') as PdfMake;
  const dir = path.dirname(require.resolve('@expo-google-fonts/noto-sans-jp'));
  m.virtualfs.writeFileSync(
    'NotoSansJP-Regular.ttf',
    readFileSync(path.join(dir, '400Regular/NotoSansJP_400Regular.ttf')),
  );
  m.virtualfs.writeFileSync(
    'NotoSansJP-Bold.ttf',
    readFileSync(path.join(dir, '700Bold/NotoSansJP_700Bold.ttf')),
  );
  // Japanese has no italics; asking for them gets the upright face instead of an error.
  m.setFonts({
    [FONT]: {
      normal: 'NotoSansJP-Regular.ttf',
      bold: 'NotoSansJP-Bold.ttf',
      italics: 'NotoSansJP-Regular.ttf',
      bolditalics: 'NotoSansJP-Bold.ttf',
    },
  });
  m.setUrlAccessPolicy(() => false);
  m.setLocalAccessPolicy(() => false);
  instance = m;
  return m;
}

/**
 * Lays out and writes one document. `onRender` hears the share of the drawing done (0–1). One
 * document at a time per thread: pdfmake keeps its progress callback globally.
 */
export async function renderPdf(
  doc: TDocumentDefinitions,
  onRender: (fraction: number) => void = () => {},
): Promise<Buffer> {
  const m = pdfmake();
  m.setProgressCallback(onRender);
  try {
    return await m
      .createPdf({ ...doc, info: { creator: 'ささえあい', producer: 'ささえあい', ...doc.info } })
      .getBuffer();
  } finally {
    m.setProgressCallback(() => {});
  }
}

/**
 * Text with the Japanese line breaking of domain/print-text: katakana words, numbers with their
 * units, times and phone numbers stay on one line. Plain strings when there is nothing to keep,
 * because every extra piece costs layout time in a 100-page booklet.
 */
export type JpText = string | (string | { text: string; noWrap: true })[];
export function jp(text: string): JpText {
  const runs = phraseRuns(text);
  if (runs.every((r) => !r.keep)) return text;
  return runs.map((r) => (r.keep ? { text: r.text, noWrap: true as const } : r.text));
}

/**
 * The same as inline pieces carrying a style, for use inside a text array: pdfmake drops the
 * style of an inline whose text is itself an array, so each piece carries it.
 */
export function jpInline(text: string, style: Record<string, unknown> = {}): Record<string, unknown>[] {
  return phraseRuns(text).map((r) => ({ text: r.text, ...style, ...(r.keep ? { noWrap: true } : {}) }));
}

/** Colours of printed matter: dark ink on white (AAA for text), soft fills that survive a copier. */
export const PALETTE = {
  ink: '#1a1f24',
  muted: '#4a535b',
  line: '#9aa3ab',
  soft: '#eef1f4',
  brand: '#1f4e79',
  warnBg: '#fff2cc',
  warnInk: '#6b4a00',
  closedBg: '#5b2a2a',
  saturday: '#e6f0fb',
  holiday: '#fbe9e9',
};
