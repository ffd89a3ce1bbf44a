import { describe, expect, it } from 'vitest';
import type { SessionUser, TenantScope } from '../lib/session';
import { currentEntry, groupedEntries, navContext, visibleEntries } from './navigation';

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

const sections = (u: SessionUser, s: TenantScope | null) =>
  groupedEntries(visibleEntries(navContext(u, s))).map(
    (g) => `${g.group.label}：${g.entries.map((e) => e.entry.label).join('・')}`,
  );

describe('navigation registry', () => {
  it('shows 保険者職員 everything of the tenant in its sections, including 操作記録 and 団体の設定', () => {
    expect(sections(user(), scope('insurer_staff'))).toEqual([
      'いつもの仕事：ホーム・今日の確認・わたしの仕事・活動記録',
      '地域を知る：地域と人口・人口統計の取り込み・地域資源・要確認・資源の取り込み・ニーズと地域資源・アンケート',
      'ニーズとつなぎ：困りごと・住民・つなぎ・担い手（人材バンク）・就労的活動・ポイント・養成講座・つなぎの成果',
      '協議体と活動：協議体・つながり',
      '管理：利用者・操作記録・団体の設定',
    ]);
    expect(
      visibleEntries(navContext(user(), scope('insurer_staff'))).find((e) => e.entry.label === '地域と人口')!
        .to,
    ).toBe('/t/019992/areas');
  });

  it('hides the import from a 第2層 SC and the audit log from a 第1層 SC', () => {
    expect(sections(user(), scope('sc2'))).toEqual([
      'いつもの仕事：ホーム・今日の確認・わたしの仕事・活動記録',
      '地域を知る：地域と人口・地域資源・要確認・ニーズと地域資源・アンケート',
      'ニーズとつなぎ：困りごと・住民・つなぎ・担い手（人材バンク）・就労的活動・ポイント・養成講座・つなぎの成果',
      '協議体と活動：協議体・つながり',
      '管理：利用者',
    ]);
    expect(labels(user(), scope('sc1'))).not.toContain('操作記録');
    expect(labels(user(), scope('sc1'))).toContain('資源の取り込み');
  });

  it('shows a 閲覧者 and a 協議体委員 no personal data: counts, reports and their councils only', () => {
    expect(sections(user(), scope('reader'))).toEqual([
      'いつもの仕事：ホーム',
      '地域を知る：地域と人口・地域資源・要確認・ニーズと地域資源・アンケート',
      'ニーズとつなぎ：就労的活動・ポイント・つなぎの成果',
      '協議体と活動：協議体・活動の月報・年報・つながり',
      '管理：利用者',
    ]);
    // 困りごと, 住民, つなぎ and 担い手 are personal data: not for 協議体委員 (they see counts);
    // nor the network, whose ties include whom the SC met.
    expect(sections(user(), scope('council_member'))).toEqual([
      'いつもの仕事：ホーム',
      '地域を知る：地域と人口・地域資源・要確認・ニーズと地域資源・アンケート',
      'ニーズとつなぎ：就労的活動・ポイント・つなぎの成果',
      '協議体と活動：協議体・活動の月報・年報',
      '管理：利用者',
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
    expect(currentEntry(entries, '/t/019992/activities/quick')).toBe('/t/019992/activities');
    expect(currentEntry(entries, '/account')).toBeNull();
  });

  it('gives a system administrator 団体の登録, even without any tenant', () => {
    expect(labels(user(true), null)).toEqual(['団体の登録']);
    expect(labels(user(true), scope(null, true))).toContain('操作記録');
    expect(labels(user(true), scope(null, true))).toContain('団体の設定');
  });
});
