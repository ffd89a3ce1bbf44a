/**
 * Which database the server tests run on: PGlite by default, PostgreSQL when
 * SASAEAI_TEST_ENGINE=postgres (TEST_DATABASE_URL names a server where databases may be created).
 */
export function testEngine(): { kind: 'pglite' } | { kind: 'postgres'; url: string } {
  if (process.env.SASAEAI_TEST_ENGINE !== 'postgres') return { kind: 'pglite' };
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('SASAEAI_TEST_ENGINE=postgres needs TEST_DATABASE_URL');
  return { kind: 'postgres', url };
}
