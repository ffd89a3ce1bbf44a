/*
 * 興味・関心チェックシート (日本作業療法士協会; MHLW 別紙様式3-1), standards §3. For each activity the
 * person marks 「している」「してみたい」「興味がある」, or × when none applies. The forms suggest one
 * mark per row, but the three columns mean independent things, so a row stores a set; × stands
 * alone. Blank rows at the end take activities that are not on the list.
 *
 * UNVERIFIED: the activity list below was written from memory of the form and has 46 entries where
 * one tool says 44; wording such as グラウンドゴルフ may differ. Check it against a municipal copy
 * (金沢市's PDF is cited in the standards) before relying on it. The grouping and the links to
 * portal groups are sasaeai's own, not part of the form.
 */

import type { PortalGroup } from './life-support-taxonomy';
import { type Answers, codesOf, defineQuestionnaire, type Option, type Question } from './questionnaire';

/** One mark in a row: the three columns of the form, and × ('none'). */
export type InterestMark = 'doing' | 'wantToDo' | 'interested' | 'none';

/** The answer options of every row, in column order. */
export const INTEREST_MARKS: readonly (Option & { code: InterestMark })[] = [
  { code: 'doing', label: 'している' },
  { code: 'wantToDo', label: 'してみたい' },
  { code: 'interested', label: '興味がある' },
  { code: 'none', label: '×（どれにも当てはまらない）', aliases: ['×', 'x', '✕', '✖'] },
];

/** One activity on the sheet; portalGroups say which kinds of local resource might fit it. */
export interface InterestActivity {
  key: string;
  label: string;
  portalGroups: readonly PortalGroup[];
}

/** A group of activities (our grouping, for layout and reports). */
export interface InterestGroup {
  key: string;
  label: string;
  activities: readonly InterestActivity[];
}

const a = (key: string, label: string, ...portalGroups: PortalGroup[]): InterestActivity => ({
  key: `ic.${key}`,
  label,
  portalGroups,
});

/** The activity list as data (UNVERIFIED wording; see the file comment). */
export const INTEREST_GROUPS: readonly InterestGroup[] = [
  {
    key: 'selfCare',
    label: '身の回りのこと・家事',
    activities: [
      a('toilet', '自分でトイレへ行く'),
      a('bath', '一人でお風呂に入る'),
      a('dressing', '自分で服を着る'),
      a('eating', '自分で食べる'),
      a('toothBrushing', '歯磨きをする'),
      a('grooming', '身だしなみを整える'),
      a('sleep', '好きなときに眠る'),
      a('cleaning', '掃除・整理整頓', 'chores'),
      a('cooking', '料理を作る', 'meals'),
      a('shopping', '買い物', 'shopping'),
      a('houseAndGarden', '家や庭の手入れ・世話', 'chores'),
      a('laundry', '洗濯・洗濯物たたみ', 'chores'),
      a('driving', '自転車・車の運転', 'transport'),
      a('trainBus', '電車・バスでの外出', 'transport'),
    ],
  },
  {
    key: 'social',
    label: '役割・人との交流',
    activities: [
      a('grandchildren', '孫・子供の世話', 'role'),
      a('animals', '動物の世話'),
      a('friends', '友達とおしゃべり・遊ぶ', 'gather'),
      a('family', '家族・親戚との団らん'),
      a('dating', 'デート・異性との交流', 'gather'),
      a('izakaya', '居酒屋に行く', 'gather'),
      a('volunteer', 'ボランティア', 'role'),
      a('community', '地域活動（町内会・老人クラブ）', 'role', 'gather'),
      a('worship', 'お参り・宗教活動'),
    ],
  },
  {
    key: 'hobbies',
    label: '学び・趣味',
    activities: [
      a('lifelongLearning', '生涯学習・歴史', 'learn'),
      a('reading', '読書', 'learn'),
      a('haiku', '俳句', 'learn'),
      a('calligraphy', '書道・習字', 'learn'),
      a('drawing', '絵を描く・絵手紙', 'learn'),
      a('computer', 'パソコン・ワープロ', 'learn'),
      a('photography', '写真', 'learn'),
      a('theatre', '映画・観劇・演奏会', 'learn'),
      a('teaFlower', 'お茶・お花', 'learn'),
      a('singing', '歌を歌う・カラオケ', 'learn', 'gather'),
      a('music', '音楽を聴く・楽器演奏', 'learn'),
      a('games', '将棋・囲碁・麻雀・ゲーム等', 'learn', 'gather'),
    ],
  },
  {
    key: 'activeLife',
    label: '運動・仕事・そのほか',
    activities: [
      a('exercise', '体操・運動', 'exercise'),
      a('walking', '散歩', 'exercise'),
      a('sports', 'ゴルフ・グラウンドゴルフ・水泳・テニスなどのスポーツ', 'exercise'),
      a('dance', 'ダンス・踊り', 'exercise'),
      a('watchingSports', '野球・相撲等観戦'),
      a('gambling', '競馬・競輪・競艇・パチンコ'),
      a('knitting', '編み物', 'learn'),
      a('sewing', '針仕事', 'learn'),
      a('farming', '畑仕事', 'role'),
      a('paidWork', '賃金を伴う仕事', 'role'),
      a('travel', '旅行・温泉'),
    ],
  },
];

/** How many blank rows the sheet offers for activities not on the list. */
export const INTEREST_FREE_ROWS = 3;

const freeKey = (i: number) => `ic.free${i}`;

function freeRow(i: number): Question[] {
  return [
    { kind: 'text', key: `${freeKey(i)}.name`, label: `その他の活動${i}（活動名）`, maxLength: 50 },
    {
      kind: 'multiple',
      key: freeKey(i),
      label: `その他の活動${i}`,
      options: INTEREST_MARKS,
      exclusive: ['none'],
      // Marks without a written activity say nothing, so the row applies only once it has a name.
      showIf: { itemKey: `${freeKey(i)}.name`, answered: true },
    },
  ];
}

/** The checksheet as a questionnaire: one matrix per group (row key = activity key) and free rows. */
export const INTEREST_CHECKSHEET = defineQuestionnaire({
  key: 'interest-checksheet',
  version: 1,
  title: '興味・関心チェックシート',
  source: '日本作業療法士協会 興味・関心チェックシート（厚生労働省 別紙様式3-1）。項目の文言は記憶に基づく。',
  confidence: 'unverified',
  note: '項目一覧は未確認（46項目。44項目とする資料がある）。市町村の様式と照合してから使う。',
  sections: [
    ...INTEREST_GROUPS.map((g) => ({
      title: g.label,
      questions: [
        {
          kind: 'matrix' as const,
          label: g.label,
          options: INTEREST_MARKS,
          multiple: true,
          exclusive: ['none'],
          rows: g.activities.map(({ key, label }) => ({ key, label })),
        },
      ],
    })),
    {
      title: 'その他（自由記入）',
      questions: Array.from({ length: INTEREST_FREE_ROWS }, (_, i) => freeRow(i + 1)).flat(),
    },
  ],
});

/** An activity the person would like to do or is interested in. */
export interface Interest {
  key: string;
  activity: string;
  /** Group key, or null for a free row. */
  group: string | null;
  doing: boolean;
  wantToDo: boolean;
  interested: boolean;
  portalGroups: readonly PortalGroup[];
}

/**
 * Every activity the person marked している, してみたい or 興味がある, in sheet order. している is
 * experience (what the person can bring to a 就労的活動); the other two are wishes.
 */
export function markedActivities(answers: Answers): Interest[] {
  const out: Interest[] = [];
  const add = (key: string, activity: string, group: string | null, portalGroups: readonly PortalGroup[]) => {
    const marks = codesOf(answers, key) ?? [];
    const doing = marks.includes('doing');
    const wantToDo = marks.includes('wantToDo');
    const interested = marks.includes('interested');
    if (doing || wantToDo || interested)
      out.push({ key, activity, group, doing, wantToDo, interested, portalGroups });
  };
  for (const g of INTEREST_GROUPS) {
    for (const act of g.activities) add(act.key, act.label, g.key, act.portalGroups);
  }
  for (let i = 1; i <= INTEREST_FREE_ROWS; i++) {
    const name = answers[`${freeKey(i)}.name`];
    if (typeof name === 'string' && name !== '') add(freeKey(i), name, null, []);
  }
  return out;
}

/**
 * The activities marked してみたい or 興味がある, in sheet order: what to look for when matching the
 * person to local resources. Activities only marked している are left out (they already happen).
 */
export function interestsOf(answers: Answers): Interest[] {
  return markedActivities(answers).filter((i) => i.wantToDo || i.interested);
}
