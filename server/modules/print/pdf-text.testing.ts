import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/*
 * Reading generated PDFs the way a reader meets them, for tests: the text (poppler's pdftotext),
 * the page count and size (pdfinfo), and the height of the words (how big the type is). Poppler is
 * a test tool only — the app never needs it. Without it the PDF tests are skipped locally; under
 * CI=true its absence fails the run, as .ci/run installs it.
 */

export const POPPLER = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdfinfo');

export function requirePoppler(): boolean {
  if (!POPPLER && process.env.CI === 'true')
    throw new Error('pdftotext/pdfinfo (poppler-utils) are needed to check PDFs; .ci/run installs them');
  return POPPLER;
}

function withFile<T>(pdf: Uint8Array, fn: (file: string) => T): T {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sasaeai-pdf-'));
  try {
    const file = path.join(dir, 'x.pdf');
    writeFileSync(file, pdf);
    return fn(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
  return r.stdout;
}

/** The text of some or all pages, in reading order (pdftotext's default). */
export function pdfText(pdf: Uint8Array, pages?: { first: number; last?: number }): string {
  return withFile(pdf, (file) =>
    run('/usr/bin/pdftotext', [
      '-enc',
      'UTF-8',
      ...(pages ? ['-f', String(pages.first), '-l', String(pages.last ?? pages.first)] : []),
      file,
      '-',
    ]),
  );
}

/** Text of each page, 1-based (index 0 is page 1). */
export function pdfPages(pdf: Uint8Array): string[] {
  return pdfText(pdf).split('\f').slice(0, -1);
}

export function pdfInfo(pdf: Uint8Array): { pages: number; width: number; height: number } {
  const out = withFile(pdf, (file) => run('/usr/bin/pdfinfo', [file]));
  const pages = Number(/^Pages:\s+(\d+)/m.exec(out)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(out);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
}

/** Median height of the words on a page, in points: how large the body type is. */
export function wordHeight(pdf: Uint8Array, page: number): number {
  const xml = withFile(pdf, (file) =>
    run('/usr/bin/pdftotext', ['-bbox', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-']),
  );
  const heights = [...xml.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)]
    .map((m) => Number(m[2]) - Number(m[1]))
    .sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)] ?? 0;
}
