import type { Database } from '../core/db';
import { refreshOlderSearchTexts } from '../modules/resources';

/**
 * What the SQL migrations cannot do, run after them on every start: data whose new form is made
 * by code (a resource's search text needs the readings of its words). Each step finds its own
 * rows and does nothing when none are left.
 */
export async function upgradeData(database: Database, now: () => Date = () => new Date()) {
  const ctx = {
    db: database.db,
    actor: { kind: 'system' as const, label: 'upgrade' as const },
    requestId: 'upgrade',
    now,
  };
  return { searchTexts: await refreshOlderSearchTexts(ctx) };
}
