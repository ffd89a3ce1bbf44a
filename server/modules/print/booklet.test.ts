import { describe, expect, it } from 'vitest';
import type { PublicResource } from '../../../contracts/portal';
import { LIFE_SUPPORT_TERMS } from '../../../domain/life-support-taxonomy';
import { toSortReading } from '../../../domain/print-kana';
import type { PublicTenant } from '../resources';
import { type BookletData, bookletSections, type PaperSize } from './booklet.data';
import { pdfInfo, pdfPages, pdfText, requirePoppler, wordHeight } from './pdf-text.testing';
import { type RenderProgress, renderTask } from './render';
import type { SheetData } from './sheet.pdf';

/*
 * The PDF builders on their own, in this thread, with made-up entries that push the layout: long
 * texts, entries in several sections, none at all, and a sheet filled to its limits.
 */

const tenant: PublicTenant = {
  code: '019992',
  name: 'ささえ町',
  prefecture: '北海道',
  fictional: true,
  openDataLicence: 'CC BY 4.0',
  portalContact: 'ささえ町社会福祉協議会 電話 0126-50-1111',
};
const terms = LIFE_SUPPORT_TERMS.map((t) => ({ code: t.code, name: t.name, parentCode: t.parent ?? null }));

function resource(i: number, over: Partial<PublicResource> = {}): PublicResource {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: `テスト活動${i}`,
    kana: `てすとかつどう${i}`,
    alternateName: '',
    description: 'お茶を飲みながらおしゃべりします。',
    status: 'active',
    kind: 'informal',
    categories: [{ code: 'ibasho', name: '居場所・サロン' }],
    organizationName: null,
    eligibility: '',
    capacity: null,
    applicationProcess: '',
    free: true,
    feeText: '無料',
    schedules: [{ rule: {} as never, description: '毎月第2水曜日 10時〜12時', nextDates: [] }],
    location: null,
    areas: [],
    phones: [{ number: `0126-50-${String(1000 + i)}`, description: '' }],
    contacts: [],
    url: '',
    email: '',
    lastVerifiedAt: null,
    nextCheckDue: null,
    stale: false,
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...over,
  };
}

function booklet(resources: PublicResource[], size: PaperSize = 'A4', large = false): BookletData {
  const readings = new Map(resources.map((r) => [r.id, toSortReading(r.kana || r.name)]));
  return {
    tenant,
    scopeName: '町全体',
    scopeLayer: null,
    today: '2026-11-24',
    size,
    large,
    ...bookletSections(resources, terms, readings),
    total: resources.length,
  };
}

describe('grouping of the booklet', () => {
  it('prints each entry once, in the section of its first category, and points to it from the others', () => {
    const r = resource(1, {
      categories: [
        { code: 'ibasho', name: '居場所・サロン' },
        { code: 'shokuji', name: '会食・配食' },
        { code: 'idou-hanbai', name: '移動販売' },
      ],
    });
    const { sections, index } = booklet([r, resource(2, { categories: [] })]);
    expect(sections.map((s) => [s.name, s.entries.length, s.seeAlso.length])).toEqual([
      ['居場所・サロン', 1, 0],
      ['会食・配食', 0, 1],
      ['買い物支援', 0, 1],
      ['その他', 1, 0],
    ]);
    expect(index.flatMap((g) => g.items)).toHaveLength(2);
  });
});

describe.skipIf(!requirePoppler())('the booklet builder', () => {
  it('reports its progress by entries, first laying out, then writing', async () => {
    const seen: RenderProgress[] = [];
    const list = Array.from({ length: 30 }, (_, i) => resource(i));
    const done = await renderTask({ kind: 'booklet', data: booklet(list) }, (p) => seen.push(p));
    expect(done.pages).toBe(pdfInfo(done.pdf).pages);
    const layout = seen.filter((p) => p.phase === 'layout');
    const render = seen.filter((p) => p.phase === 'render');
    expect(layout.length).toBeGreaterThan(1);
    expect(render.at(-1)).toEqual({ phase: 'render', done: 30, total: 30 });
    expect(seen.every((p) => p.total === 30 && p.done <= 30)).toBe(true);
  });

  it('lets a very long entry run over a page instead of off it', async () => {
    const long = resource(1, { description: '長い説明です。'.repeat(500) });
    const done = await renderTask({ kind: 'booklet', data: booklet([long, resource(2)], 'A5', true) });
    const text = pdfText(done.pdf);
    expect(text).toContain('テスト活動1');
    expect(text).toContain('0126-50-1001');
    expect(pdfInfo(done.pdf).pages).toBeGreaterThan(8);
  });

  it('prints 大きな文字 in 14–16 pt type', async () => {
    const list = Array.from({ length: 6 }, (_, i) => resource(i));
    const normal = await renderTask({ kind: 'booklet', data: booklet(list, 'A5') });
    const large = await renderTask({ kind: 'booklet', data: booklet(list, 'A5', true) });
    // Word boxes are about 1.45 times the type size in Noto Sans JP.
    expect(wordHeight(normal.pdf, 3) / 1.45).toBeGreaterThan(10.5);
    expect(wordHeight(normal.pdf, 3) / 1.45).toBeLessThan(12.5);
    expect(wordHeight(large.pdf, 4) / 1.45).toBeGreaterThan(13.5);
    expect(wordHeight(large.pdf, 4) / 1.45).toBeLessThan(16.5);
  });

  it('keeps the cover on one page in every size, with a long contact', async () => {
    const contact =
      '生活支援コーディネーター（ささえ町社会福祉協議会）電話 0126-50-1111（平日 9時〜17時）、または地域包括支援センター 電話 0126-50-2222';
    for (const [size, large] of [
      ['A4', false],
      ['A4', true],
      ['A5', false],
      ['A5', true],
    ] as const) {
      const data = { ...booklet([resource(1)], size, large), tenant: { ...tenant, portalContact: contact } };
      const pages = pdfPages((await renderTask({ kind: 'booklet', data })).pdf);
      expect(pages[0], `${size} ${large}`).toContain('0126-50-2222');
      expect(pages[1], `${size} ${large}`).toContain('もくじ');
    }
  });

  it('says so when there is nothing to print, instead of an empty booklet', async () => {
    const done = await renderTask({ kind: 'booklet', data: booklet([]) });
    expect(pdfText(done.pdf)).toContain('まだありません');
  });

  it('keeps the sheet on one page with the longest texts and every category', async () => {
    const data: SheetData = {
      tenant,
      today: '2026-11-24',
      area: {
        name: '緑ヶ丘第二地区',
        layerLabel: '第3層（地区・小学校区・町内会など）',
        kind: '地区',
        path: ['ささえ町', '中央圏域'],
        contains: Array.from({ length: 30 }, (_, i) => `緑ヶ丘${i + 1}丁目`),
      },
      stats: {
        asOf: '2026-04-01',
        total: 1234,
        aged65: 456,
        aged75: 234,
        households: 678,
        agingRate: 36.95,
        rate75: 18.96,
      },
      categories: terms
        .filter((t) => !t.parentCode)
        .map((t, i) => ({
          name: t.name,
          color: '#1f5fa8',
          shape: 'circle' as const,
          inside: i,
          fromAbove: 1,
        })),
      boundary: null,
      inner: [],
      points: [{ latitude: 43.3, longitude: 141.9, color: '#b4531a', shape: 'triangle' }],
      legend: [{ label: '集う', color: '#b4531a', shape: 'triangle' }],
      strengths: 'よいところ'.repeat(80),
      concerns: `${'気になること'.repeat(50)}\n${'坂道'.repeat(50)}`.slice(0, 400),
    };
    const done = await renderTask({ kind: 'sheet', data });
    expect(pdfInfo(done.pdf).pages).toBe(1);
    const page = pdfPages(done.pdf)[0]!;
    expect(page).toContain('ほか18か所');
    expect(page).toContain('37.0%');
  });
});
