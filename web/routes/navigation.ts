import {
  BarChart3,
  BookUser,
  Briefcase,
  Building,
  CalendarCheck,
  ClipboardCheck,
  FileSpreadsheet,
  FileUp,
  HandHeart,
  History,
  House,
  Link2,
  type LucideIcon,
  MapPinned,
  MessageCircleHeart,
  Settings,
  Sprout,
  Users,
} from 'lucide-react';
import { paths } from '../lib/paths';
import { capabilities, type SessionUser, type TenantScope } from '../lib/session';
import { ActivitiesIcon, activityPaths, logsActivities, ReportIcon } from '../modules/activities/paths';
import { CouncilsIcon, councilPaths, keepsTasks, TasksIcon } from '../modules/councils/paths';
import { CoursesIcon, coursePaths } from '../modules/helpers/course-paths';
import { matchingPaths } from '../modules/matching/paths';
import { canSeePersonalData, needPaths } from '../modules/needs/paths';
import { NeedsMatrixIcon, needsMatrixPath } from '../modules/needs-matrix/paths';
import { NetworkIcon, networkPath } from '../modules/network/paths';
import { canSeePointMembers, PointsIcon, pointPaths } from '../modules/points/paths';
import { SurveysIcon, surveyPaths } from '../modules/surveys/paths';

export interface NavContext {
  user: SessionUser;
  /** The tenant the menu points into (the one open, or the last one used); null when none. */
  scope: TenantScope | null;
  can: ReturnType<typeof capabilities> | null;
}

/** The menu's sections, in order: what an SC opens daily first, the office's own pages last. */
export const NAV_GROUPS = [
  { code: 'daily', label: 'いつもの仕事' },
  { code: 'town', label: '地域を知る' },
  { code: 'connect', label: 'ニーズとつなぎ' },
  { code: 'council', label: '協議体と活動' },
  { code: 'admin', label: '管理' },
] as const;
export type NavGroup = (typeof NAV_GROUPS)[number]['code'];

export interface NavEntry {
  label: string;
  icon: LucideIcon;
  group: NavGroup;
  /** Where the entry leads; null hides it (e.g. a tenant page while no tenant is known). */
  to: (ctx: NavContext) => string | null;
  visible?: (ctx: NavContext) => boolean;
  /** Current only on exactly this URL (ホーム), not on the pages below it. */
  end?: boolean;
}

const inTenant = (make: (tenant: string) => string) => (ctx: NavContext) =>
  ctx.scope ? make(ctx.scope.code) : null;
const personal = (ctx: NavContext) => Boolean(ctx.scope && canSeePersonalData(ctx.scope));

/**
 * The workspace's main menu. A new module adds its entry here, in its section; order is the order
 * shown. Visibility mirrors the server's policies (the server still checks every request).
 */
export const NAV_ENTRIES: NavEntry[] = [
  { group: 'daily', label: 'ホーム', icon: House, to: inTenant(paths.home), end: true },
  {
    group: 'daily',
    label: '今日の確認',
    icon: CalendarCheck,
    to: inTenant((t) => matchingPaths.today(t)),
    visible: personal,
  },
  {
    group: 'daily',
    label: 'わたしの仕事',
    icon: TasksIcon,
    to: inTenant((t) => councilPaths.tasks(t)),
    visible: (ctx) => Boolean(ctx.scope && keepsTasks(ctx.scope)),
  },
  {
    group: 'daily',
    label: '活動記録',
    icon: ActivitiesIcon,
    to: inTenant((t) => activityPaths.activities(t)),
    visible: (ctx) => Boolean(ctx.scope && logsActivities(ctx.scope)),
  },
  { group: 'town', label: '地域と人口', icon: MapPinned, to: inTenant(paths.areas) },
  {
    group: 'town',
    label: '人口統計の取り込み',
    icon: FileUp,
    to: inTenant(paths.populationImport),
    visible: (ctx) => Boolean(ctx.can?.importStatistics),
  },
  { group: 'town', label: '地域資源', icon: Sprout, to: inTenant((t) => paths.resources(t)) },
  { group: 'town', label: '要確認', icon: ClipboardCheck, to: inTenant(paths.resourcesReview) },
  {
    group: 'town',
    label: '資源の取り込み',
    icon: FileSpreadsheet,
    to: inTenant(paths.resourcesImport),
    visible: (ctx) => Boolean(ctx.can?.manageResourceLists),
  },
  // Counts only: every member of the tenant (協議体委員 and 閲覧者 too).
  {
    group: 'town',
    label: 'ニーズと地域資源',
    icon: NeedsMatrixIcon,
    to: inTenant((t) => needsMatrixPath(t)),
  },
  { group: 'town', label: 'アンケート', icon: SurveysIcon, to: inTenant((t) => surveyPaths.surveys(t)) },
  {
    group: 'connect',
    label: '困りごと',
    icon: MessageCircleHeart,
    to: inTenant((t) => needPaths.needs(t)),
    visible: personal,
  },
  {
    group: 'connect',
    label: '住民',
    icon: BookUser,
    to: inTenant((t) => needPaths.residents(t)),
    visible: personal,
  },
  {
    group: 'connect',
    label: 'つなぎ',
    icon: Link2,
    to: inTenant((t) => matchingPaths.referrals(t)),
    visible: personal,
  },
  {
    group: 'connect',
    label: '担い手（人材バンク）',
    icon: HandHeart,
    to: inTenant((t) => matchingPaths.helpers(t)),
    visible: personal,
  },
  {
    group: 'connect',
    label: '就労的活動',
    icon: Briefcase,
    to: inTenant((t) => matchingPaths.opportunities(t)),
  },
  // Totals for every member of the tenant; names, entry and redemption for 保険者職員 and SCs.
  { group: 'connect', label: 'ポイント', icon: PointsIcon, to: inTenant((t) => pointPaths.home(t)) },
  {
    group: 'connect',
    label: '養成講座',
    icon: CoursesIcon,
    to: inTenant((t) => coursePaths.courses(t)),
    visible: (ctx) => Boolean(ctx.scope && canSeePointMembers(ctx.scope)),
  },
  // Counts only, no names: every member of the tenant.
  { group: 'connect', label: 'つなぎの成果', icon: BarChart3, to: inTenant((t) => matchingPaths.stats(t)) },
  // A 協議体委員 sees only the councils on which they sit (the server decides which).
  { group: 'council', label: '協議体', icon: CouncilsIcon, to: inTenant((t) => councilPaths.councils(t)) },
  // Those who keep no log reach the report directly (the log's page links to it for the others).
  {
    group: 'council',
    label: '活動の月報・年報',
    icon: ReportIcon,
    to: inTenant((t) => activityPaths.report(t)),
    visible: (ctx) => Boolean(ctx.scope && !logsActivities(ctx.scope)),
  },
  {
    group: 'council',
    label: 'つながり',
    icon: NetworkIcon,
    to: inTenant(networkPath),
    visible: (ctx) => ctx.scope?.role !== 'council_member',
  },
  { group: 'admin', label: '利用者', icon: Users, to: inTenant(paths.members) },
  {
    group: 'admin',
    label: '操作記録',
    icon: History,
    to: inTenant(paths.audit),
    visible: (ctx) => Boolean(ctx.can?.readAudit),
  },
  {
    group: 'admin',
    label: '団体の設定',
    icon: Settings,
    to: inTenant(paths.settings),
    visible: (ctx) => Boolean(ctx.can?.readAudit),
  },
  {
    group: 'admin',
    label: '団体の登録',
    icon: Building,
    to: () => paths.tenantNew(),
    visible: (ctx) => ctx.user.systemAdmin,
  },
];

export function navContext(user: SessionUser, scope: TenantScope | null): NavContext {
  return { user, scope, can: scope ? capabilities(scope) : null };
}

/**
 * The entry that is the current page: the one whose target is the longest prefix of the path, so
 * that 要確認 (/resources/review) is current there, and 地域資源 on a resource's own pages.
 */
export function currentEntry(entries: { entry: NavEntry; to: string }[], pathname: string): string | null {
  let best: { to: string } | null = null;
  for (const e of entries) {
    const match = e.entry.end ? pathname === e.to : pathname === e.to || pathname.startsWith(`${e.to}/`);
    if (match && (!best || e.to.length > best.to.length)) best = e;
  }
  return best?.to ?? null;
}

/** Entries to show, with their targets resolved. */
export function visibleEntries(ctx: NavContext): { entry: NavEntry; to: string }[] {
  return NAV_ENTRIES.flatMap((entry) => {
    if (entry.visible && !entry.visible(ctx)) return [];
    const to = entry.to(ctx);
    return to ? [{ entry, to }] : [];
  });
}

/** The visible entries in their sections (sections with nothing to show are left out). */
export function groupedEntries(
  entries: { entry: NavEntry; to: string }[],
): { group: (typeof NAV_GROUPS)[number]; entries: { entry: NavEntry; to: string }[] }[] {
  return NAV_GROUPS.map((group) => ({
    group,
    entries: entries.filter((e) => e.entry.group === group.code),
  })).filter((g) => g.entries.length > 0);
}
