import { writeFileSync } from 'node:fs';
import { inject } from 'vitest';

/*
 * The server under test reads its clock as real time plus an offset kept in a file (see
 * global-setup). A journey that spans days moves it forward and must put it back afterwards, so
 * that the journeys after it run on today.
 */

const DAY = 86_400_000;

export function setServerDaysAhead(days: number): void {
  writeFileSync(inject('clockFile'), String(days * DAY));
}

export function resetServerClock(): void {
  writeFileSync(inject('clockFile'), '0');
}
