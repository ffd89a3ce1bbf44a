import { eq } from 'drizzle-orm';
import { ResourceInput } from '../../../contracts/resources';
import { todayInTokyo } from '../../../domain/dates';
import { ODS_POPULATION_HEADER } from '../../../domain/population-table';
import { addMonths } from '../../../domain/resources';
import type { BaseContext, TenantContext } from '../../core/context';
import { inTransaction } from '../../core/context';
import type { Database } from '../../core/db';
import { tenants } from '../../core/tenancy.tables';
import { addMembership, createUser } from '../../modules/accounts';
import {
  commitPopulationImport,
  createArea,
  loadTenantAreas,
  previewPopulationImport,
  setAreaBoundary,
} from '../../modules/areas';
import { createOrganization, loadWorld, saveResource } from '../../modules/resources';
import { createFictionalTenant, updateTenant } from '../../modules/tenants';
import { DEMO_ACCOUNT_SPECS, DEMO_PASSWORD, DEMO_TENANT } from './demo-accounts';
import { seedDemoCouncils } from './demo-councils';
import { seedDemoCourses } from './demo-courses';
import { seedDemoHelpers } from './demo-helpers';
import { seedDemoMatching } from './demo-matching';
import { seedDemoNeeds } from './demo-needs';
import { seedDemoPoints } from './demo-points';
import { boxPolygon, demoBoxes, demoResources } from './demo-resources';
import { seedDemoSurveys } from './demo-surveys';

/*
 * ささえ町 — a fictional town of about 6,000 people with 高齢化率 about 40 %, three 第2層 圏域 and
 * ten 地区. Its statistics go in through the same population importer staff use, as 地域・年齢別人口
 * files (old-generation columns), so the demo also exercises the import path.
 */

interface DemoDistrict {
  name: string;
  kana: string;
  /** 町丁 names of the 地区; population rows are per 町丁. */
  towns: string[];
  /** Population at the first snapshot. */
  population: number;
  /** Share aged 65+ at the first snapshot. */
  aged: number;
  /** わがまちこんなとこシート, as an SC would note them after walking the 地区 (about the area, never a person). */
  strengths?: string;
  concerns?: string;
}

export const DEMO_REGIONS: { name: string; kana: string; districts: DemoDistrict[] }[] = [
  {
    name: '中央圏域',
    kana: 'ちゅうおうけんいき',
    districts: [
      {
        name: '本町地区',
        kana: 'ほんまちちく',
        towns: ['本町1丁目', '本町2丁目', '本町3丁目'],
        population: 820,
        aged: 0.36,
        strengths:
          '商店街に顔なじみの店が多く、声をかけ合う習慣が残っています。本町会館のサロンは20年続き、男性の参加も増えてきました。',
        concerns:
          '3丁目の坂の上は店まで遠く、冬は外出が減ります。ゴミ出しが難しくなった世帯が増えているという声があります。',
      },
      { name: '駅前地区', kana: 'えきまえちく', towns: ['駅前通', '栄町'], population: 760, aged: 0.29 },
      {
        name: '緑ヶ丘地区',
        kana: 'みどりがおかちく',
        towns: ['緑ヶ丘1丁目', '緑ヶ丘2丁目'],
        population: 690,
        aged: 0.33,
      },
      { name: '新町地区', kana: 'しんまちちく', towns: ['新町', '若葉町'], population: 540, aged: 0.38 },
    ],
  },
  {
    name: '北部圏域',
    kana: 'ほくぶけんいき',
    districts: [
      { name: '峰野地区', kana: 'みねのちく', towns: ['峰野', '峰野東'], population: 430, aged: 0.52 },
      { name: '川上地区', kana: 'かわかみちく', towns: ['川上', '上川上'], population: 380, aged: 0.55 },
      { name: '桜台地区', kana: 'さくらだいちく', towns: ['桜台'], population: 520, aged: 0.41 },
    ],
  },
  {
    name: '南部圏域',
    kana: 'なんぶけんいき',
    districts: [
      { name: '南浜地区', kana: 'みなみはまちく', towns: ['南浜', '浜中'], population: 610, aged: 0.44 },
      {
        name: '港町地区',
        kana: 'みなとまちちく',
        towns: ['港町1丁目', '港町2丁目'],
        population: 700,
        aged: 0.4,
      },
      { name: '山手地区', kana: 'やまてちく', towns: ['山手', '奥山手'], population: 460, aged: 0.49 },
    ],
  },
];

/** Yearly snapshots: 住民基本台帳 as of 4月1日. */
export const DEMO_SNAPSHOTS = ['2024-04-01', '2025-04-01', '2026-04-01'];

/** Deterministic pseudo-random numbers, so the demo town is the same on every machine. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits n into integer parts proportional to weights (largest remainder), summing exactly to n. */
export function apportion(n: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const raw = weights.map((w) => (n * w) / sum);
  const parts = raw.map(Math.floor);
  let rest = n - parts.reduce((s, p) => s + p, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (rest-- <= 0) break;
    parts[i]! += 1;
  }
  return parts;
}

// Relative size of the 13 bands under 65 (fewer children in an ageing town) and the 5 from 65.
const YOUNG_WEIGHTS = [0.5, 0.55, 0.6, 0.6, 0.5, 0.55, 0.65, 0.7, 0.8, 0.9, 1, 1.1, 1.2];
const OLD_WEIGHTS = [0.24, 0.22, 0.2, 0.17, 0.17];

interface TownRow {
  town: string;
  bands: { male: number; female: number }[];
  households: number;
}

/** The 町丁 rows of the demo town at one snapshot (index 0, 1, 2 …). */
export function demoTownRows(snapshot: number): TownRow[] {
  const random = mulberry32(20240401 + snapshot);
  const rows: TownRow[] = [];
  for (const region of DEMO_REGIONS) {
    for (const d of region.districts) {
      // Each year: about 1.5 % fewer people and 0.9 points more of them aged 65+.
      const total = Math.round(d.population * (1 - 0.015 * snapshot));
      const aged = Math.round(total * (d.aged + 0.009 * snapshot));
      const townTotals = apportion(
        total,
        d.towns.map(() => 0.8 + random() * 0.4),
      );
      d.towns.forEach((town, i) => {
        const t = townTotals[i]!;
        const a = Math.round((aged * t) / total);
        const young = apportion(t - a, YOUNG_WEIGHTS);
        const old = apportion(a, OLD_WEIGHTS);
        const bands = [...young, ...old].map((n, b) => {
          // Women outlive men: the older the band, the larger their share.
          const femaleShare = b < 13 ? 0.49 : 0.55 + (b - 13) * 0.04;
          const female = Math.round(n * femaleShare);
          return { male: n - female, female };
        });
        rows.push({ town, bands, households: Math.round(t / (2.0 + random() * 0.3)) });
      });
    }
  }
  return rows;
}

/** The snapshot as a 推奨データセット「地域・年齢別人口」 CSV (old-generation columns). */
export function demoPopulationCsv(snapshot: number, asOf = DEMO_SNAPSHOTS[snapshot]!): string {
  const lines = [ODS_POPULATION_HEADER.join(',')];
  demoTownRows(snapshot).forEach((r, i) => {
    const male = r.bands.reduce((s, b) => s + b.male, 0);
    const female = r.bands.reduce((s, b) => s + b.female, 0);
    lines.push(
      [
        DEMO_TENANT.code,
        String(i + 1).padStart(3, '0'),
        DEMO_TENANT.prefecture,
        DEMO_TENANT.name,
        asOf,
        r.town,
        male + female,
        male,
        female,
        ...r.bands.flatMap((b) => [b.male, b.female]),
        r.households,
        '架空の町のデータ',
      ].join(','),
    );
  });
  return `${lines.join('\r\n')}\r\n`;
}

const seedActor = { kind: 'system' as const, label: 'seed' as const };

/** The foot of the demo town's public pages: the 社協 number its resources already give. */
export const DEMO_PORTAL_CONTACT =
  '生活支援コーディネーター（ささえ町社会福祉協議会）電話 0126-50-1111（平日 9時〜17時）';

/**
 * Loads the demo town unless it is already there. Returns whether it seeded. Safe to call on every
 * start in demo mode.
 */
export async function seedDemoTown(database: Database, now: () => Date = () => new Date()): Promise<boolean> {
  const base: BaseContext = { db: database.db, actor: seedActor, requestId: 'seed', now };
  const [existing] = await database.db.select().from(tenants).where(eq(tenants.code, DEMO_TENANT.code));
  if (existing) return false;

  const tenant = await createFictionalTenant(base, DEMO_TENANT);
  const ctx: TenantContext = { ...base, tenantId: DEMO_TENANT.code };
  await updateTenant(ctx, { portalContact: DEMO_PORTAL_CONTACT, version: tenant.version });
  const root = (await loadTenantAreas(ctx)).find((a) => a.layer === 1)!;
  const regionIds = new Map<string, string>();
  const boxes = demoBoxes(DEMO_REGIONS);
  const districts: { name: string; town: string; box: ReturnType<typeof boxes.get> & object }[] = [];
  let order = 0;
  for (const region of DEMO_REGIONS) {
    const r = await createArea(ctx, {
      name: region.name,
      kana: region.kana,
      layer: 2,
      kind: '日常生活圏域',
      parentId: root.id,
      validFromFy: 2024,
      validToFy: null,
      townNames: [],
      sortOrder: order++,
    });
    regionIds.set(region.name, r.id);
    await setAreaBoundary(ctx, r.id, { geojson: boxPolygon(boxes.get(region.name)!), version: r.version });
    for (const d of region.districts) {
      const created = await createArea(ctx, {
        name: d.name,
        kana: d.kana,
        layer: 3,
        kind: '地区',
        parentId: r.id,
        validFromFy: null,
        validToFy: null,
        townNames: d.towns,
        sortOrder: order++,
        ...(d.strengths ? { strengths: d.strengths } : {}),
        ...(d.concerns ? { concerns: d.concerns } : {}),
      });
      await setAreaBoundary(ctx, created.id, {
        geojson: boxPolygon(boxes.get(d.name)!),
        version: created.version,
      });
      districts.push({ name: d.name, town: d.towns[0]!, box: boxes.get(d.name)! });
    }
  }
  await setAreaBoundary(ctx, root.id, { geojson: boxPolygon(boxes.get('town')!), version: root.version });

  for (const [i, asOf] of DEMO_SNAPSHOTS.entries()) {
    const bytes = new TextEncoder().encode(demoPopulationCsv(i));
    const preview = await previewPopulationImport(ctx, { fileName: `sasae-population-${asOf}.csv`, bytes });
    if (!preview.canCommit)
      throw new Error(`demo population did not import: ${JSON.stringify(preview.errors)}`);
    await commitPopulationImport(ctx, preview.id);
  }

  await seedDemoResources(ctx, districts, root.id, now);
  await seedDemoNeeds(ctx, now);
  await seedDemoSurveys(ctx);

  const helpers = await seedDemoHelpers(ctx, now);
  await seedDemoPoints(ctx, now, helpers.all);
  await seedDemoCourses(ctx, now, helpers.all, regionIds.get('北部圏域')!);

  const byEmail = new Map<string, string>();
  for (const spec of DEMO_ACCOUNT_SPECS) {
    const user = await createUser(base, {
      email: spec.email,
      displayName: spec.displayName,
      password: DEMO_PASSWORD,
      systemAdmin: spec.systemAdmin ?? false,
    });
    byEmail.set(spec.email, user.id);
    if (spec.role) {
      await addMembership(ctx, {
        userId: user.id,
        role: spec.role,
        areaIds: (spec.areas ?? []).map((name) => regionIds.get(name)!),
      });
    }
  }
  // つなぎ need the SCs in charge, so they come after the accounts.
  await seedDemoMatching(ctx, now, helpers);
  // Councils need the accounts: the SCs own tasks and log activities; the 協議体委員 has a seat.
  await seedDemoCouncils(ctx, { byEmail, regionIds }, now);
  return true;
}

/** The town's 地域資源, through the same save path as the form; a few confirmed long ago. */
async function seedDemoResources(
  ctx: TenantContext,
  districts: {
    name: string;
    town: string;
    box: { south: number; north: number; west: number; east: number };
  }[],
  rootId: string,
  now: () => Date,
) {
  const boxes = demoBoxes(DEMO_REGIONS);
  const regions = DEMO_REGIONS.map((r) => ({ name: r.name, box: boxes.get(r.name)! }));
  const entries = demoResources(districts, regions, rootId);
  const orgs = new Map<string, string>();
  for (const e of entries) {
    if (e.organization && !orgs.has(e.organization.name)) {
      orgs.set(
        e.organization.name,
        (
          await createOrganization(ctx, {
            ...e.organization,
            kana: '',
            description: '',
            website: '',
            email: '',
            phone: '',
          })
        ).id,
      );
    }
  }
  await inTransaction(ctx, async (tx) => {
    const world = await loadWorld(tx);
    const today = todayInTokyo(now());
    for (const e of entries) {
      const stale = e.staleDays !== undefined;
      const verifiedAt = stale ? new Date(now().getTime() - e.staleDays! * 86_400_000) : undefined;
      const input = ResourceInput.parse({
        ...e.input,
        organizationId: e.organization ? orgs.get(e.organization.name) : null,
        nextCheckDue: stale ? addMonths(todayInTokyo(verifiedAt!), 12) : addMonths(today, 12),
      });
      await saveResource(tx, null, input, null, { world, verifiedAt, verifiedBy: '大野 健一' });
    }
  });
  return entries.length;
}
