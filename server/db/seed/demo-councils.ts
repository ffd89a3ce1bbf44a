import type { AgendaItem } from '../../../contracts/councils';
import { ResourceInput } from '../../../contracts/resources';
import {
  type ActivityType,
  type ScFunction,
  suggestHeadlines,
  suggestTasks,
} from '../../../domain/activities';
import type { MemberRole } from '../../../domain/councils';
import { addDays, fiscalYearOf, todayInTokyo } from '../../../domain/dates';
import { seeded } from '../../../domain/survey-samples';
import type { Membership, TenantContext, UserActor } from '../../core/context';
import { createActivity } from '../../modules/activities';
import { loadTenantAreas } from '../../modules/areas';
import {
  addMember,
  addTrial,
  createCouncil,
  createGroup,
  createMeeting,
  createPerson,
  createProject,
  createTask,
  linkProjectResource,
  updateAgendaItem,
  updateMeeting,
  updateTask,
} from '../../modules/councils';
import { listReferrals } from '../../modules/matching';
import { createResource, organizationByName } from '../../modules/resources';

/*
 * The demo town's 協議体 and the SCs' own work (all fictional): a 第1層 協議体 of 14 seats from the
 * kinds the 要綱 names (school, 地域おこし協力隊, 町内会, 老人クラブ, 民生委員, NPO, company, 商工会,
 * temple, post office, 駐在所, シルバー人材センター, 社協, 町), its 部会 移動・ボランティア・生きがい, a
 * 第2層 council per 圏域, meetings over the 年度 in C町's rhythm with minutes, SC tasks, projects
 * with trials (移動支援の試行, バス乗り方ガイド as in 江差町) and four months of SC activity log.
 *
 * 北部圏域's council has no meeting planned yet: preparing the next one is the SC's job in the demo
 * (and in the browser journey), from the 宿題 its last meeting left.
 */

export interface DemoUsers {
  /** User ids by demo e-mail address. */
  byEmail: Map<string, string>;
  regionIds: Map<string, string>;
}

interface Seat {
  name: string;
  kana: string;
  kind?: string;
  org?: { name: string; kind: string };
  role: MemberRole;
  area?: string;
  email?: string;
  past?: boolean;
}

const FIRST_LAYER: Seat[] = [
  {
    name: '高橋 修',
    kana: 'たかはし おさむ',
    org: { name: 'ささえ町立ささえ中学校', kind: '学校' },
    role: 'chair',
  },
  { name: '中村 さおり', kana: 'なかむら さおり', kind: '地域おこし協力隊', role: 'vice_chair' },
  {
    name: '佐藤 正男',
    kana: 'さとう まさお',
    org: { name: '峰野町内会', kind: '町内会・自治会' },
    role: 'member',
    area: '峰野地区',
    email: 'kyogitai@sasae.example',
  },
  {
    name: '田中 ヨシ子',
    kana: 'たなか よしこ',
    org: { name: '本町老人クラブ', kind: '老人クラブ' },
    role: 'member',
    area: '本町地区',
  },
  {
    name: '山本 和子',
    kana: 'やまもと かずこ',
    kind: '民生委員・児童委員',
    org: { name: 'ささえ町民生委員児童委員協議会', kind: '民生委員・児童委員' },
    role: 'member',
  },
  {
    name: '小林 誠',
    kana: 'こばやし まこと',
    org: { name: 'NPO法人ささえ移送サービス', kind: 'NPO法人' },
    role: 'member',
  },
  {
    name: '加藤 恵',
    kana: 'かとう めぐみ',
    org: { name: '株式会社ささえマート', kind: '民間企業' },
    role: 'member',
  },
  {
    name: '吉田 浩二',
    kana: 'よしだ こうじ',
    org: { name: 'ささえ町商工会', kind: '商工会' },
    role: 'member',
  },
  { name: '松本 良順', kana: 'まつもと りょうじゅん', org: { name: '光明寺', kind: '寺社' }, role: 'member' },
  {
    name: '井上 拓也',
    kana: 'いのうえ たくや',
    org: { name: 'ささえ郵便局', kind: '郵便局' },
    role: 'member',
  },
  {
    name: '木村 大輔',
    kana: 'きむら だいすけ',
    org: { name: 'ささえ駐在所', kind: '駐在所・交番' },
    role: 'observer',
  },
  {
    name: '清水 典子',
    kana: 'しみず のりこ',
    org: { name: 'ささえ町シルバー人材センター', kind: 'シルバー人材センター' },
    role: 'member',
  },
  {
    name: '大野 健一',
    kana: 'おおの けんいち',
    org: { name: 'ささえ町社会福祉協議会', kind: '社会福祉協議会' },
    role: 'secretariat',
    email: 'sc1@sasae.example',
  },
  {
    name: '川村 さくら',
    kana: 'かわむら さくら',
    org: { name: 'ささえ町', kind: '行政' },
    role: 'secretariat',
    email: 'hokensha@sasae.example',
  },
  // Left when the 老人クラブ changed its chair: the seat stays in the record, closed.
  {
    name: '岡田 トシ',
    kana: 'おかだ とし',
    org: { name: '本町老人クラブ', kind: '老人クラブ' },
    role: 'member',
    past: true,
  },
];

const REGIONS: {
  region: string;
  name: string;
  place: string;
  sc: string;
  seats: Seat[];
  months: number[];
}[] = [
  {
    region: '北部圏域',
    name: '北部圏域 支え合い会議',
    place: '峰野会館',
    sc: 'sc2@sasae.example',
    months: [6, 9, 12, 3],
    seats: [
      { name: '佐藤 正男', kana: 'さとう まさお', role: 'chair' },
      {
        name: '石井 茂',
        kana: 'いしい しげる',
        org: { name: '川上町内会', kind: '町内会・自治会' },
        role: 'vice_chair',
        area: '川上地区',
      },
      {
        name: '森 ミツ',
        kana: 'もり みつ',
        org: { name: '峰野老人クラブ', kind: '老人クラブ' },
        role: 'member',
        area: '峰野地区',
      },
      {
        name: '藤田 久美',
        kana: 'ふじた くみ',
        kind: '民生委員・児童委員',
        role: 'member',
        area: '川上地区',
      },
      {
        name: '池田 勝',
        kana: 'いけだ まさる',
        org: { name: '桜台商店', kind: '商店' },
        role: 'member',
        area: '桜台地区',
      },
      {
        name: '森田 あゆみ',
        kana: 'もりた あゆみ',
        org: { name: 'ささえ町社会福祉協議会', kind: '社会福祉協議会' },
        role: 'secretariat',
        email: 'sc2@sasae.example',
      },
    ],
  },
  {
    region: '中央圏域',
    name: '中央圏域 支え合い会議',
    place: '本町会館',
    sc: 'sc1@sasae.example',
    months: [6, 10, 2],
    seats: [
      {
        name: '前田 博',
        kana: 'まえだ ひろし',
        org: { name: '本町町内会', kind: '町内会・自治会' },
        role: 'chair',
        area: '本町地区',
      },
      {
        name: '原 のり子',
        kana: 'はら のりこ',
        org: { name: '駅前商店', kind: '商店' },
        role: 'member',
        area: '駅前地区',
      },
      {
        name: '西村 幸',
        kana: 'にしむら さち',
        org: { name: '緑ヶ丘老人クラブ', kind: '老人クラブ' },
        role: 'member',
        area: '緑ヶ丘地区',
      },
      { name: '山本 和子', kana: 'やまもと かずこ', role: 'member' },
    ],
  },
  {
    region: '南部圏域',
    name: '南部圏域 支え合い会議',
    place: '港町会館',
    sc: 'sc1@sasae.example',
    months: [7, 11, 3],
    seats: [
      {
        name: '松井 剛',
        kana: 'まつい つよし',
        org: { name: '港町町内会', kind: '町内会・自治会' },
        role: 'chair',
        area: '港町地区',
      },
      {
        name: '上田 広',
        kana: 'うえだ ひろし',
        org: { name: '南浜漁業協同組合', kind: '協同組合' },
        role: 'member',
        area: '南浜地区',
      },
      {
        name: '坂本 スエ',
        kana: 'さかもと すえ',
        org: { name: '山手老人クラブ', kind: '老人クラブ' },
        role: 'member',
        area: '山手地区',
      },
      {
        name: '野口 真弓',
        kana: 'のぐち まゆみ',
        kind: '民生委員・児童委員',
        role: 'member',
        area: '山手地区',
      },
    ],
  },
];

/** What each 第1層 meeting of a 年度 talked about (C町's table, month by month). */
const FIRST_LAYER_THEMES = [
  {
    theme: '主な課題の整理（情報共有・移動・ボランティア・生きがい）',
    ideas: [
      '回覧板に「困りごと相談」の欄をつくる',
      '老人クラブの集まりでアンケートを配る',
      '商店の店先に掲示板を置く',
    ],
    task: 'ニーズ調査の結果を部会ごとにまとめる',
  },
  {
    theme: '地域交通・移動に関する集中協議',
    ideas: ['NPOの車と買物バスの空き時間を組み合わせる', '乗り合いで週1回、峰野から本町の店へ'],
    task: '移送サービスと買物バスの運行表を取り寄せる',
  },
  {
    theme: 'ボランティアの担い手を増やすには',
    ideas: ['中学生の職場体験で配食を手伝ってもらう', '定年後の男性向けに「ちょい加勢」講座'],
    task: 'シルバー人材センターと講座の日程を調整する',
  },
  {
    theme: '移動支援の試行の振り返り',
    ideas: ['雪の季節は出発を30分遅らせる', '帰りの荷物運びを店に手伝ってもらう'],
    task: '試行の利用者に聞き取りをする',
  },
  {
    theme: 'バス乗り方ガイドの体験会',
    ideas: ['小学生に音声を吹き込んでもらう', '郵便局の待合室でも動画を流す'],
    task: '体験会の会場と日程を押さえる',
  },
  {
    theme: '次年度の計画と成果報告会',
    ideas: ['成果報告会で中学生に発表してもらう', '部会を一つ増やして「食」を扱う'],
    task: '成果報告会の資料をつくる',
  },
];

const REGION_THEMES = [
  {
    theme: 'サロンの活性化策',
    ideas: ['男性が来やすい「将棋の日」', 'お寺の本堂を借りて出張サロン'],
    task: '住職に本堂の利用を相談する',
  },
  {
    theme: '認知症の人と家族の居場所',
    ideas: ['郵便局の待合に案内を置く', '月1回のお茶っこカフェを試す'],
    task: '会場の候補を見に行く',
  },
  {
    theme: '冬の見守りと除雪',
    ideas: ['新聞がたまっていたら声をかけ合う', '除雪の「ついで」に玄関先まで'],
    task: '除雪ボランティアの名簿を整える',
  },
  {
    theme: '試行の振り返りと次年度',
    ideas: ['カフェを隔月から毎月に', '中学生のボランティアを招く'],
    task: '次年度の予定を案内する',
  },
];

/** The n-th weekday (0 = 日) of a month, as an ISO date. */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const day = 1 + ((weekday - first + 7) % 7) + (n - 1) * 7;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const yearOfMonth = (fy: number, month: number) => (month >= 4 ? fy : fy + 1);

export async function seedDemoCouncils(ctx: TenantContext, users: DemoUsers, now: () => Date): Promise<void> {
  const today = todayInTokyo(now());
  const fy = fiscalYearOf(today);
  const areas = await loadTenantAreas(ctx);
  const areaId = (name: string) => areas.find((a) => a.name === name)?.id ?? null;
  const root = areas.find((a) => a.layer === 1)!;
  const user = (email: string) => users.byEmail.get(email)!;

  // People and their 主体, once each.
  const people = new Map<string, string>();
  const orgIds = new Map<string, string>();
  const org = async (o: { name: string; kind: string }) => {
    if (!orgIds.has(o.name)) orgIds.set(o.name, await organizationByName(ctx, o.name, o.kind));
    return orgIds.get(o.name)!;
  };
  const person = async (s: Seat) => {
    if (people.has(s.name)) return people.get(s.name)!;
    const p = await createPerson(ctx, {
      name: s.name,
      kana: s.kana,
      kind: s.kind ?? '',
      organizationId: s.org ? await org(s.org) : null,
      areaId: s.area ? areaId(s.area) : null,
      userId: s.email === 'kyogitai@sasae.example' ? user(s.email) : null,
    });
    people.set(s.name, p.id);
    return p.id;
  };
  const seat = async (councilId: string, s: Seat) =>
    addMember(ctx, councilId, {
      personId: await person(s),
      organizationId: null,
      role: s.role,
      // 辞令: two-year terms from the 年度 before this one.
      termStart: s.past ? `${fy - 2}-04-01` : `${fy - 1}-04-01`,
      termEnd: s.past ? `${fy - 1}-03-31` : `${fy + 1}-03-31`,
    });

  const first = await createCouncil(ctx, {
    name: 'ささえ町 支え合い推進協議体',
    layer: 1,
    areaId: root.id,
    purpose:
      '町全体の支え合いを住民主体で進めるため、生活支援コーディネーターを地域の知恵とつながりで後押しする。決める場ではなく、情報とアイデアを出し合い、SCに託す場。',
    scUserId: user('sc1@sasae.example'),
  });
  const firstSeats = new Map<string, string>();
  for (const s of FIRST_LAYER) firstSeats.set(s.name, (await seat(first.id, s)).id);
  const groupIds = new Map<string, string>();
  for (const [name, theme, members] of [
    ['移動部会', '買い物・通院の足、路線バスの使い方', ['小林 誠', '加藤 恵', '佐藤 正男', '中村 さおり']],
    ['ボランティア部会', '担い手の発掘と養成、ちょい加勢', ['清水 典子', '山本 和子', '井上 拓也']],
    ['生きがい部会', '役割と出番、得意なことを活かす場', ['田中 ヨシ子', '高橋 修', '松本 良順']],
  ] as const) {
    const g = await createGroup(ctx, first.id, {
      name,
      theme,
      memberIds: members.map((m) => firstSeats.get(m)!),
      archived: false,
    });
    groupIds.set(name, g.id);
  }

  const regional = [];
  for (const r of REGIONS) {
    const c = await createCouncil(ctx, {
      name: r.name,
      layer: 2,
      areaId: users.regionIds.get(r.region)!,
      purpose: `${r.region}の困りごとと地域のお宝を持ち寄り、できることから試す。`,
      scUserId: user(r.sc),
    });
    const seats = new Map<string, string>();
    for (const s of r.seats) seats.set(s.name, (await seat(c.id, s)).id);
    regional.push({ ...r, council: c, seats });
  }

  // Meetings: last 年度's second half and this 年度, held up to today with minutes, planned after.
  const schedule = async (
    councilId: string,
    scEmail: string,
    seatIds: string[],
    dates: { heldOn: string; theme: (typeof FIRST_LAYER_THEMES)[number] }[],
    place: string,
    times: [string, string],
    plannedToo: boolean,
    issueCell: { areaId: string; category: string } | null,
  ) => {
    const held = dates.filter((d) => d.heldOn < today);
    for (const [i, d] of dates.entries()) {
      const past = d.heldOn < today;
      if (!past && !plannedToo) continue;
      const m = await createMeeting(ctx, councilId, {
        heldOn: d.heldOn,
        startsAt: times[0],
        endsAt: times[1],
        place,
        online: false,
        theme: d.theme.theme,
        issue:
          issueCell && i === 0
            ? {
                cell: issueCell,
                needIds: [],
                resourceIds: [],
                projectId: null,
                title: '峰野地区に認知症カフェがない',
              }
            : null,
      });
      if (!past) continue;
      const last = d === held[held.length - 1];
      for (const item of m.items) {
        if (item.carriedFrom) {
          await minutes(m.id, item, { notes: '前回の宿題について、各委員から聞いてきたことを共有した。' });
          continue;
        }
        if (item.step === 'issue')
          await minutes(m.id, item, {
            notes: `SCから「${d.theme.theme}」について、地域で聞いた声を報告した。`,
          });
        if (item.step === 'exchange')
          await minutes(m.id, item, {
            notes: '決める場ではなく、できそうなことを出し合った。',
            ideas: [...d.theme.ideas],
            // The last meeting's talk goes on next time (宿題・継続協議).
            ...(last
              ? { carryOver: true, homework: '次回までに、それぞれの団体で協力できそうな人を聞いてくる' }
              : {}),
          });
        if (item.step === 'entrust') {
          const due = addDays(d.heldOn, 14);
          const task = await createTask(ctx, {
            title: d.theme.task,
            detail: '',
            ownerUserId: user(scEmail),
            dueOn: due,
            meetingId: m.id,
            agendaItemId: item.id,
            projectId: null,
          });
          if (due < addDays(today, -7))
            await updateTask(ctx, task.id, {
              title: task.title,
              detail: '',
              ownerUserId: task.ownerUserId,
              dueOn: task.dueOn,
              status: 'done',
              doneNote: '部会で報告した',
              version: task.version,
            });
        }
        if (item.step === 'review')
          await minutes(m.id, item, { notes: '小さく試して、結果を次回に持ち寄りましょう（会長）。' });
      }
      // Minutes and tasks change the items, not the meeting: it is still at the version created.
      await updateMeeting(ctx, m.id, {
        heldOn: m.heldOn,
        startsAt: m.startsAt,
        endsAt: m.endsAt,
        place: m.place,
        online: false,
        theme: m.theme,
        status: 'held',
        // Most seats come; one in five misses a meeting.
        attendeeIds: seatIds.filter((_, k) => (k + i) % 5 !== 0),
        guests: 2,
        guestsNote: '町 保健福祉課',
        review: '地域にすでにあるものを活かす話が多く出た。',
        nextNote: last ? '次回は部会ごとに宿題を持ち寄る。' : '',
        version: m.version,
      });
    }
  };
  const minutes = async (
    meetingId: string,
    item: AgendaItem,
    m: { notes?: string; ideas?: string[]; carryOver?: boolean; homework?: string },
  ) =>
    updateAgendaItem(ctx, meetingId, item.id, {
      step: item.step,
      title: item.title,
      description: item.description,
      cell: item.cell ? { areaId: item.cell.areaId, category: item.cell.category } : null,
      needIds: item.needs.map((n) => n.id),
      resourceIds: item.resources.map((r) => r.id),
      projectId: item.project?.id ?? null,
      notes: m.notes ?? '',
      ideas: m.ideas ?? [],
      carryOver: m.carryOver ?? false,
      homework: m.homework ?? '',
      version: item.version,
    });

  const datesOf = (months: number[], weekday: number, n: number, themes: typeof FIRST_LAYER_THEMES) => [
    ...months
      .filter((mo) => mo >= 10 || mo <= 3)
      .map((mo, i) => ({
        heldOn: nthWeekday(yearOfMonth(fy - 1, mo), mo, weekday, n),
        theme: themes[(themes.length - months.filter((x) => x >= 10 || x <= 3).length + i) % themes.length]!,
      })),
    ...months.map((mo, i) => ({
      heldOn: nthWeekday(yearOfMonth(fy, mo), mo, weekday, n),
      theme: themes[i]!,
    })),
  ];

  await schedule(
    first.id,
    'sc1@sasae.example',
    [...firstSeats.entries()].filter(([name]) => name !== '岡田 トシ').map(([, id]) => id),
    datesOf([5, 7, 9, 11, 1, 3], 3, 3, FIRST_LAYER_THEMES),
    'ささえ町保健福祉センター 研修室',
    ['14:00', '16:00'],
    true,
    null,
  );
  for (const r of regional) {
    const north = r.region === '北部圏域';
    await schedule(
      r.council.id,
      r.sc,
      [...r.seats.values()],
      datesOf(r.months, 2, 2, REGION_THEMES),
      r.place,
      ['10:00', '11:30'],
      !north,
      north ? { areaId: areaId('峰野地区')!, category: 'ninchisho-cafe' } : null,
    );
  }

  // Projects of the 年度, with their trials and what came of them.
  const project = (input: {
    name: string;
    group?: string;
    councilId?: string;
    issue: string;
    goal: string;
    status: 'planning' | 'trial' | 'running' | 'done';
    results?: string;
    people: string[];
  }) =>
    createProject(ctx, {
      councilId: input.councilId ?? first.id,
      groupId: input.group ? groupIds.get(input.group)! : null,
      name: input.name,
      fiscalYear: fy,
      issue: input.issue,
      goal: input.goal,
      status: input.status,
      results: input.results ?? '',
      personIds: input.people.map((p) => people.get(p)!),
      organizationIds: [],
    });
  const trial = (projectId: string, daysAgo: number, what: string, learned: string, participants: number) =>
    addTrial(ctx, projectId, { triedOn: addDays(today, -daysAgo), what, learned, participants });

  const idou = await project({
    name: '移動支援の試行',
    group: '移動部会',
    issue: '峰野・川上から本町の店や病院へ行く足がない。路線バスは1日3本。',
    goal: '乗り合いの送迎を月2回試し、担い手と利用する人の声を集める。',
    status: 'trial',
    people: ['小林 誠', '加藤 恵', '佐藤 正男', '清水 典子'],
  });
  await trial(
    idou.id,
    70,
    '峰野会館から本町のスーパーまで乗り合いで送迎（NPOの車1台）',
    '帰りの荷物が多く、店の人の手伝いが助かった',
    6,
  );
  await trial(
    idou.id,
    35,
    '川上地区から通院の乗り合い（ボランティア運転2人）',
    '予約の電話を受ける人が必要。社協の窓口で受けると決めた',
    4,
  );

  const bus = await project({
    name: 'バス乗り方ガイド',
    group: '移動部会',
    issue: '路線バスの乗り方（整理券、運賃の払い方）がわからず外出をためらう人がいる。',
    goal: '動画と紙のかんたんガイドをつくり、体験会を開く（江差町の取組に学ぶ）。',
    status: 'running',
    results: '動画（小学生が音声）と冊子が完成。体験会の参加者からは「これなら一人で乗れる」との声。',
    people: ['中村 さおり', '高橋 修', '井上 拓也'],
  });
  await trial(
    bus.id,
    50,
    'バス体験会（小学生と高齢者で本町まで往復）',
    '整理券を取ることが一番の壁。乗る前の説明が効いた',
    18,
  );
  const guide = await createResource(
    ctx,
    ResourceInput.parse({
      name: 'バスかんたん乗り方ガイド（動画と冊子）',
      kind: 'informal',
      categories: ['idou'],
      areaIds: [root.id],
      description:
        '路線バスの乗り方を、整理券の取り方から運賃の払い方まで動画と冊子で紹介。役場・郵便局で配布。',
    }),
  );
  await linkProjectResource(ctx, bus.id, guide.id);

  const volunteer = await project({
    name: 'ちょい加勢の担い手講座',
    group: 'ボランティア部会',
    issue: '有償ボランティア（ちょい加勢）の担い手が足りない。',
    goal: '定年後の人向けに講座を2回開き、10人に登録してもらう。',
    status: 'trial',
    people: ['清水 典子', '山本 和子'],
  });
  await trial(
    volunteer.id,
    20,
    '担い手講座（第1回）：電球交換・草取りの心得',
    '男性の参加が多かった。次回は実地で',
    12,
  );

  await project({
    name: '得意なこと登録',
    group: '生きがい部会',
    issue: '「役に立ちたい」高齢者の得意なことが知られていない。',
    goal: '得意なこと（裁縫、将棋、郷土料理…）を登録する用紙をつくる。',
    status: 'planning',
    people: ['田中 ヨシ子', '松本 良順'],
  });

  const northCouncil = regional.find((r) => r.region === '北部圏域')!;
  const cafe = await project({
    name: '峰野のお茶っこカフェ',
    councilId: northCouncil.council.id,
    issue: '峰野地区には認知症の人と家族が気軽に行ける場所がない（ニーズと地域資源の空白）。',
    goal: '光明寺の本堂で月1回のカフェを試す。',
    status: 'trial',
    people: ['佐藤 正男', '森 ミツ', '藤田 久美'],
  });
  await trial(
    cafe.id,
    28,
    '光明寺の本堂でお茶っこカフェ（初回）',
    '家族の参加が3組。送迎があればもっと来られる',
    14,
  );

  await seedDemoActivities(ctx, users, now, {
    orgs: [...orgIds.values()],
    people: [...people.values()],
    councils: [first.id, ...regional.map((r) => r.council.id)],
    projects: [idou.id, bus.id, volunteer.id, cafe.id],
  });
}

/** Four months of the two SCs' activity log, the source of the demo's monthly reports. */
async function seedDemoActivities(
  ctx: TenantContext,
  users: DemoUsers,
  now: () => Date,
  links: { orgs: string[]; people: string[]; councils: string[]; projects: string[] },
) {
  const today = todayInTokyo(now());
  const areas = await loadTenantAreas(ctx);
  const rand = seeded(20261124);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const north = users.regionIds.get('北部圏域')!;
  const districts = areas.filter((a) => a.layer === 3);
  const northDistricts = districts.filter((a) => a.parentId === north);
  const scs: {
    email: string;
    role: Membership['role'];
    areaIds: string[];
    layer: number;
    pool: typeof districts;
  }[] = [
    { email: 'sc1@sasae.example', role: 'sc1', areaIds: [], layer: 1, pool: districts },
    { email: 'sc2@sasae.example', role: 'sc2', areaIds: [north], layer: 2, pool: northDistricts },
  ];
  const kinds: { type: ActivityType; functions: ScFunction[]; minutes: number; summary: string }[] = [
    { type: 'visit', functions: ['f1'], minutes: 45, summary: 'サロンで困りごとを聞く' },
    { type: 'visit', functions: ['f2', 'f3'], minutes: 60, summary: '町内会長を訪ね、見守りの協力を相談' },
    { type: 'consultation', functions: ['f6'], minutes: 30, summary: '家族からの相談。移送サービスを紹介' },
    { type: 'meeting', functions: ['f3', 'f4'], minutes: 90, summary: '包括・社協と情報共有' },
    { type: 'care_meeting', functions: ['f1', 'f6'], minutes: 60, summary: '地域ケア会議に参加' },
    { type: 'training', functions: ['f5'], minutes: 120, summary: '担い手講座の運営' },
    { type: 'event', functions: ['f4', 'f5'], minutes: 150, summary: '体験会・行事の手伝い' },
    { type: 'council', functions: ['f3', 'f4'], minutes: 120, summary: '協議体・部会の準備と進行' },
  ];
  for (const sc of scs) {
    const userId = users.byEmail.get(sc.email)!;
    const actor: UserActor = {
      kind: 'user',
      userId,
      email: sc.email,
      displayName: sc.email === 'sc1@sasae.example' ? '大野 健一' : '森田 あゆみ',
      systemAdmin: false,
      memberships: [{ tenantId: ctx.tenantId, role: sc.role, areaIds: sc.areaIds }],
    };
    const as: TenantContext = { ...ctx, actor };
    for (let day = 120; day >= 0; day--) {
      const date = addDays(today, -day);
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      const count = rand() < 0.25 ? 0 : rand() < 0.6 ? 1 : 2;
      for (let k = 0; k < count; k++) {
        const kind = pick(kinds);
        const functions = [...kind.functions];
        if (rand() < 0.2) functions.push(pick(['f1', 'f2', 'f3', 'f4', 'f5', 'f6'] as const));
        const unique = [...new Set(functions)];
        const area = pick(sc.pool);
        await createActivity(as, {
          occurredOn: date,
          minutes: kind.minutes + (rand() < 0.3 ? 30 : 0),
          type: kind.type,
          layer: sc.layer,
          functions: unique,
          headlines: suggestHeadlines(unique),
          yokoTasks: suggestTasks(unique),
          support: kind.type === 'consultation' || rand() < 0.15 ? 'individual' : 'community',
          areaIds: [area.id],
          organizationIds: rand() < 0.6 ? [pick(links.orgs)] : [],
          personIds: rand() < 0.5 ? [...new Set([pick(links.people), pick(links.people)])] : [],
          needIds: [],
          resourceIds: [],
          referralIds: [],
          councilId: kind.type === 'council' ? pick(links.councils) : null,
          projectId: kind.type === 'event' || kind.type === 'training' ? pick(links.projects) : null,
          summary: kind.summary,
          note: '',
        });
      }
    }
    // The つなぎ she follows: a visit to see how each that started is going (⑥, C, e, 個別支援).
    const started = (await listReferrals(as, { page: 1, perPage: 100, mine: 'true' })).items.filter(
      (r) => r.startedOn !== null,
    );
    for (const r of started)
      await createActivity(as, {
        occurredOn: addDays(r.startedOn!, 7),
        minutes: 30,
        type: 'visit',
        layer: sc.layer,
        functions: ['f6'],
        headlines: suggestHeadlines(['f6']),
        yokoTasks: suggestTasks(['f6']),
        support: 'individual',
        areaIds: [r.areaId],
        organizationIds: [],
        personIds: [],
        needIds: r.needId ? [r.needId] : [],
        resourceIds: r.targetKind === 'resource' ? [r.targetId] : [],
        referralIds: [r.id],
        councilId: null,
        projectId: null,
        summary: `${r.targetName}の利用の様子を確認`,
        note: '',
      });
  }
}
