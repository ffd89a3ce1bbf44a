import { createRequire } from 'node:module';
import path from 'node:path';
import kuromoji from 'kuromoji';

/*
 * Readings (よみ) of Japanese text from the kuromoji dictionary shipped in node_modules, so that
 * 「買物」 and 「買い物」 both index as かいもの. The dictionary costs ~1.5 s and ~300 MB to load, so it
 * is loaded once, on first use, and shared by every request.
 */

type Tokenizer = kuromoji.Tokenizer<kuromoji.IpadicFeatures>;
let tokenizer: Promise<Tokenizer> | undefined;

function load(): Promise<Tokenizer> {
  tokenizer ??= new Promise((resolve, reject) => {
    const dicPath = path.join(
      path.dirname(createRequire(import.meta.url).resolve('kuromoji/package.json')),
      'dict',
    );
    kuromoji.builder({ dicPath }).build((err, t) => (err ? reject(err) : resolve(t)));
  });
  return tokenizer;
}

/** Starts loading the dictionary without waiting (at server start, off the request path). */
export function warmUpReadings(): void {
  load().catch(() => {
    tokenizer = undefined;
  });
}

/** The reading in katakana; words the dictionary does not know keep their written form. */
export async function readingOf(text: string): Promise<string> {
  const t = await load();
  return t
    .tokenize(text.normalize('NFKC'))
    .map((tok) => (tok.reading && tok.reading !== '*' ? tok.reading : tok.surface_form))
    .join('');
}

/** Readings of several texts at once, as a lookup for synchronous callers. */
export async function readingsOf(texts: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const s of texts) if (!out.has(s)) out.set(s, await readingOf(s));
  return out;
}
