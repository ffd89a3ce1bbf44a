import { NEEDS_SURVEY_RISK } from './needs-survey';
import { items } from './questionnaire';

/*
 * Synthetic ニーズ調査 respondents for tests and the bench: every item answered with one of its
 * options or left blank (12 %), heights and weights in a plausible range with half-kilos. Seeded,
 * so that a failing case can be replayed.
 */

/** A small linear-congruential generator: the same seed gives the same respondents. */
export function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

/** Random raw answers to the ニーズ調査 risk section (codes as strings, numbers as numbers). */
export function randomNeedsAnswers(rand: () => number): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const it of items(NEEDS_SURVEY_RISK)) {
    if (rand() < 0.12) continue;
    const q = it.question;
    if (q.kind === 'single' || q.kind === 'matrix')
      out[it.key] = q.options[Math.floor(rand() * q.options.length)]!.code;
    else if (q.kind === 'number')
      out[it.key] = it.key.includes('height')
        ? 140 + Math.floor(rand() * 40)
        : it.key.includes('weight')
          ? 35 + Math.floor(rand() * 40) + (rand() < 0.5 ? 0.5 : 0)
          : 65 + Math.floor(rand() * 30);
  }
  return out;
}
