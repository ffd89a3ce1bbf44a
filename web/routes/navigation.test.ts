import { describe, expect, it } from 'vitest';
import type { SessionUser, TenantScope } from '../lib/session';
import { currentEntry, navContext, visibleEntries } from './navigation';

const user = (systemAdmin = false): SessionUser => ({
  id: '33333333-3333-4333-8333-333333333333',
  email: 'x@sasae.example',
  displayName: 'x',
  systemAdmin,
  memberships: [],
});

const scope = (role: TenantScope['role'], systemAdmin = false): TenantScope => ({
  code: '019992',
  name: 'ささえ町',
  prefecture: '北海道',
  fictional: true,
  role,
  areaIds: [],
  systemAdmin,
});

const labels = (u: SessionUser, s: TenantScope | null) =>
  visibleEntries(navContext(u, s)).map((e) => e.entry.label);

describe('navigation registry', () => {
  it('shows 保険者職員 everything of the tenant, including 操作記録 and 団体の設定', () => {
    expect(labels(user(), scope('insurer_staff'))).toEqual([
      'ホーム',
      '地域と人口',
      '人口統計の取り込み',
      '地域資源',
      '要確認',
      '資源の取り込み',
      '困りごと',
      '住民',
      'ニーズと地域資源',
      'アンケート',
      'ポイント',
      '養成講座',
      '利用者',
      '操作記録',
      '団体の設定',
    ]);
    expect(visibleEntries(navContext(user(), scope('insurer_staff')))[1]!.to).toBe('/t/019992/areas');
  });

  it('hides the import from a 第2層 SC and the audit log from a 第1層 SC', () => {
    expect(labels(user(), scope('sc2'))).toEqual([
      'ホーム',
      '地域と人口',
      '地域資源',
      '要確認',
      '困りごと',
      '住民',
      'ニーズと地域資源',
      'アンケート',
      'ポイント',
      '養成講座',
      '利用者',
    ]);
    expect(labels(user(), scope('sc1'))).toEqual([
      'ホーム',
      '地域と人口',
      '人口統計の取り込み',
      '地域資源',
      '要確認',
      '資源の取り込み',
      '困りごと',
      '住民',
      'ニーズと地域資源',
      'アンケート',
      'ポイント',
      '養成講座',
      '利用者',
    ]);
    expect(labels(user(), scope('reader'))).toEqual([
      'ホーム',
      '地域と人口',
      '地域資源',
      '要確認',
      'ニーズと地域資源',
      'アンケート',
      'ポイント',
      '利用者',
    ]);
    // 困りごと, 住民 and 養成講座 name people: not for 協議体委員 (ポイント shows them totals only).
    expect(labels(user(), scope('council_member'))).toEqual([
      'ホーム',
      '地域と人口',
      '地域資源',
      '要確認',
      'ニーズと地域資源',
      'アンケート',
      'ポイント',
      '利用者',
    ]);
  });

  it('marks the entry with the longest matching target as the current page', () => {
    const entries = visibleEntries(navContext(user(), scope('sc1')));
    expect(currentEntry(entries, '/t/019992')).toBe('/t/019992');
    expect(currentEntry(entries, '/t/019992/resources')).toBe('/t/019992/resources');
    expect(currentEntry(entries, '/t/019992/resources/0b6c1f4e-3f1a-4a39-9d4a-1c2b3d4e5f60/edit')).toBe(
      '/t/019992/resources',
    );
    expect(currentEntry(entries, '/t/019992/resources/review')).toBe('/t/019992/resources/review');
    expect(currentEntry(entries, '/t/019992/resources/import')).toBe('/t/019992/resources/import');
    expect(currentEntry(entries, '/t/019992/needs/quick')).toBe('/t/019992/needs');
    expect(currentEntry(entries, '/t/019992/residents/new')).toBe('/t/019992/residents');
    expect(currentEntry(entries, '/account')).toBeNull();
  });

  it('gives a system administrator 団体の登録, even without any tenant', () => {
    expect(labels(user(true), null)).toEqual(['団体の登録']);
    expect(labels(user(true), scope(null, true))).toContain('操作記録');
    expect(labels(user(true), scope(null, true))).toContain('団体の設定');
  });
});
