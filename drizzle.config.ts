import { defineConfig } from 'drizzle-kit';

// Generates SQL migrations from every *.tables.ts. Apply them with `npm run db:migrate`
// (drizzle-kit migrate fails silently on PGlite when a migration creates an extension).
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./server/core/*.tables.ts', './server/modules/*/*.tables.ts'],
  out: './server/db/migrations',
});
