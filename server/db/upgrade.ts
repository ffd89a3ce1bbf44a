import type { Database } from '../core/db';
import { refreshOlderSearchTexts } from '../modules/resources';

/**
 * What the SQL migrations cannot do: data whose new form is made by code (a resource's search
 * text needs the readings of its words). A step runs after the migration it follows, when that
 * migration was applied in this run (`applied`, from Database.migrate) — so once, not on every
 * start. Without `applied` (an explicit call) every step runs; each finds its own rows and does
 * nothing when none are left.
 */
export async function upgradeData(
  database: Database,
  opts: { applied?: readonly string[]; now?: () => Date } = {},
) {
  const due = (migration: string) => !opts.applied || opts.applied.includes(migration);
  const ctx = {
    db: database.db,
    actor: { kind: 'system' as const, label: 'upgrade' as const },
    requestId: 'upgrade',
    now: opts.now ?? (() => new Date()),
  };
  return {
    // Texts from before the forms of a name were marked (decision 0008, ranking).
    searchTexts: due('0014_search_index_changes') ? await refreshOlderSearchTexts(ctx) : 0,
  };
}
