import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeMark } from '../../core/change-marks';
import { createTestApp, type TestApp } from '../../core/testing/test-app';
import { testEngine } from '../../core/testing/test-engine';

/*
 * The change marks behind matching's caches (decision 0012): they must move with every committed
 * write of a town's resources — whoever wrote it — and only then, without making writers wait on
 * each other for longer than a commit.
 */

const T = '372013';
let t: TestApp;
let ids: string[] = [];

const mark = async (source: 'resources' | 'helpers') => Number(await changeMark(t.f.inTenant(T), source));
const rename = (id: string) =>
  sql`update services set name = name || '・' where tenant_id = ${T} and id = ${id}`;

beforeAll(async () => {
  t = await createTestApp();
  await t.f.buildTenant(T);
  const staff = t.client();
  await staff.login((await t.f.buildUser({ tenant: T, role: 'sc1' })).email);
  const root = await t.f.rootArea(T);
  ids = [];
  for (const name of ['峰野サロン', '川上サロン']) {
    const res = await staff.post(`/api/t/${T}/resources`, {
      kind: 'informal',
      name,
      categories: ['ibasho'],
      location: { name: `${name}の会場`, areaId: root.id },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids.push(res.body.id);
  }
});
afterAll(() => t.close());

describe('change marks', () => {
  it('move once for a transaction that wrote resources, whatever it wrote, and not for one rolled back', async () => {
    const before = await mark('resources');
    const helpersBefore = await mark('helpers');
    await t.database.db.transaction(async (tx) => {
      await tx.execute(rename(ids[0]!));
      await tx.execute(rename(ids[1]!));
      await tx.execute(sql`update locations set name = name || '・' where tenant_id = ${T}`);
    });
    expect(await mark('resources')).toBe(before + 1);

    await expect(
      t.database.db.transaction(async (tx) => {
        await tx.execute(rename(ids[0]!));
        throw new Error('取り消し');
      }),
    ).rejects.toThrow('取り消し');
    expect(await mark('resources')).toBe(before + 1);

    await t.database.db.execute(sql`update locations set name = name || '・' where tenant_id = ${T}`);
    expect(await mark('resources')).toBe(before + 2);
    expect(await mark('helpers')).toBe(helpersBefore);
  });

  // PGlite has one connection: its transactions take turns whatever the marks do.
  it.runIf(testEngine().kind === 'postgres')(
    'do not hold up an edit while another transaction is still writing (an import, say)',
    async () => {
      const before = await mark('resources');
      let release!: () => void;
      const released = new Promise<void>((r) => {
        release = r;
      });
      let wrote!: () => void;
      const written = new Promise<void>((r) => {
        wrote = r;
      });
      const long = t.database.db.transaction(async (tx) => {
        await tx.execute(rename(ids[0]!));
        wrote();
        await released;
      });
      await written;
      const edit = t.database.db.execute(rename(ids[1]!)).then(() => 'saved');
      const waited = new Promise((r) => setTimeout(() => r('held up'), 5_000));
      let outcome: unknown;
      let markMeanwhile: number;
      try {
        outcome = await Promise.race([edit, waited]);
        markMeanwhile = await mark('resources');
      } finally {
        release();
        await long;
        await edit;
      }
      expect(outcome).toBe('saved');
      expect(markMeanwhile).toBe(before + 1);
      expect(await mark('resources')).toBe(before + 2);
    },
  );
});
