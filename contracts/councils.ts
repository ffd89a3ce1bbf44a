import { z } from 'zod';
import {
  AGENDA_STEP_CODES,
  MEETING_STATUS_CODES,
  MEMBER_ROLE_CODES,
  PROJECT_STATUS_CODES,
  TASK_STATUS_CODES,
} from '../domain/councils';
import {
  endpoint,
  FileResponse,
  IsoDateString,
  Kana,
  Ok,
  TenantParams,
  TimeOfDay,
  Uuid,
  Version,
} from './http';

/*
 * 協議体 and the SC's work with it: councils, their members (people and 主体), 部会, meetings with
 * agendas and minutes, SC tasks (what the council handed to the SC), projects and their trials.
 */

const tag = 'councils';

export const AgendaStep = z.enum(AGENDA_STEP_CODES).meta({ title: '議事の段階' });
export const MemberRole = z.enum(MEMBER_ROLE_CODES).meta({ title: '役職' });
export const MeetingStatus = z.enum(MEETING_STATUS_CODES).meta({ title: '開催の状況' });
export const ProjectStatus = z.enum(PROJECT_STATUS_CODES).meta({ title: '状況' });
export const TaskStatus = z.enum(TASK_STATUS_CODES).meta({ title: '状況' });
const Layer = z.number().int().min(1).max(3).meta({ title: '層' });
const Fy = z.number().int().min(2000).max(2100).meta({ title: '年度' });
const text = (title: string, max: number) => z.string().trim().max(max).default('').meta({ title });
const name = (title: string, max = 120) => z.string().trim().min(1).max(max).meta({ title });
const Ref = z.object({ id: Uuid, name: z.string() });

// ---------------------------------------------------------------------------------------------
// 関係者 (people)

/** A named actor: a 町内会長, a 民生委員, the 郵便局長 … — never a 住民 record. */
export const Person = z
  .object({
    id: Uuid,
    name: z.string(),
    kana: z.string(),
    /** The person's own kind, or the kind of the 主体 they belong to. */
    kind: z.string(),
    organizationId: Uuid.nullable(),
    organizationName: z.string().nullable(),
    areaId: Uuid.nullable(),
    areaName: z.string().nullable(),
    /** A login tied to this person (a 協議体委員's account); staff only. */
    userId: Uuid.nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Person' });
export type Person = z.infer<typeof Person>;

export const PersonInput = z.object({
  name: name('氏名', 60),
  kana: Kana.default(''),
  kind: text('種類', 40),
  organizationId: Uuid.nullable().default(null).meta({ title: '所属する主体' }),
  areaId: Uuid.nullable().default(null).meta({ title: '活動する地域' }),
  userId: Uuid.nullable().default(null).meta({ title: 'ログインする利用者' }),
});
export type PersonInput = z.input<typeof PersonInput>;

export const listPeople = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/people',
  summary: '関係者（協議体の委員など、地域で役割を持つ人）の一覧',
  description:
    '住民の記録ではありません。協議体委員はこの一覧を見られません（所属する協議体の委員だけ見られます）。',
  tag,
  access: 'tenant',
  params: TenantParams,
  query: z.object({ q: z.string().max(60).optional().meta({ title: 'ことば' }) }),
  response: z.object({ items: z.array(Person) }),
});

export const createPerson = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/people',
  summary: '関係者を登録する',
  tag,
  access: 'tenant',
  params: TenantParams,
  body: PersonInput,
  status: 201,
  response: Person,
});

export const updatePerson = endpoint({
  method: 'patch',
  path: '/api/t/{tenant}/people/{id}',
  summary: '関係者を変更する',
  tag,
  access: 'tenant',
  params: TenantParams.extend({ id: Uuid }),
  body: PersonInput.extend({ version: Version }),
  response: Person,
});

// ---------------------------------------------------------------------------------------------
// Councils, members, 部会

export const TemplateItem = z.object({
  step: AgendaStep,
  title: name('議題', 120),
});

export const Council = z
  .object({
    id: Uuid,
    name: z.string(),
    layer: z.number().int(),
    areaId: Uuid,
    areaName: z.string(),
    purpose: z.string(),
    scUserId: Uuid.nullable(),
    scName: z.string().nullable(),
    agendaTemplate: z.array(z.object({ step: AgendaStep, title: z.string() })),
    archived: z.boolean(),
    /** Seats held today. */
    memberCount: z.number().int(),
    /** Meetings held or planned in the current 年度 (cancelled ones not counted). */
    meetingsThisYear: z.number().int(),
    nextMeeting: z.object({ id: Uuid, heldOn: IsoDateString }).nullable(),
    version: z.number().int(),
    canEdit: z.boolean(),
  })
  .meta({ id: 'Council' });
export type Council = z.infer<typeof Council>;

export const CouncilInput = z.object({
  name: name('名称'),
  layer: Layer,
  areaId: Uuid.meta({ title: '地域' }),
  purpose: text('目的', 2000),
  scUserId: Uuid.nullable().default(null).meta({ title: '担当のSC' }),
  agendaTemplate: z.array(TemplateItem).min(1).max(30).optional().meta({
    title: '議事のひな型',
    description: '省略すると、種の流れ（地域課題の提示 → … → 次回の日程・宿題）',
  }),
});
export type CouncilInput = z.input<typeof CouncilInput>;

export const Member = z
  .object({
    id: Uuid,
    councilId: Uuid,
    personId: Uuid.nullable(),
    personName: z.string().nullable(),
    organizationId: Uuid.nullable(),
    organizationName: z.string().nullable(),
    /** Kind of actor: the person's kind, else the 主体's. */
    actorKind: z.string(),
    role: MemberRole,
    termStart: IsoDateString.nullable(),
    termEnd: IsoDateString.nullable(),
    /** The seat is held today. */
    current: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'CouncilMember' });
export type Member = z.infer<typeof Member>;

export const MemberInput = z.object({
  personId: Uuid.nullable().default(null).meta({ title: '人' }),
  organizationId: Uuid.nullable().default(null).meta({ title: '主体' }),
  role: MemberRole.default('member'),
  termStart: IsoDateString.nullable().default(null).meta({ title: '任期の始まり（辞令）' }),
  termEnd: IsoDateString.nullable().default(null).meta({ title: '任期の終わり' }),
});
export type MemberInput = z.input<typeof MemberInput>;

export const Group = z
  .object({
    id: Uuid,
    councilId: Uuid,
    name: z.string(),
    theme: z.string(),
    memberIds: z.array(Uuid),
    archived: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'CouncilGroup' });
export type Group = z.infer<typeof Group>;

export const GroupInput = z.object({
  name: name('部会の名前', 60),
  theme: text('テーマ', 500),
  memberIds: z.array(Uuid).max(100).default([]).meta({ title: '部会の委員' }),
  archived: z.boolean().default(false).meta({ title: '活動を終えた' }),
});
export type GroupInput = z.input<typeof GroupInput>;

export const MeetingSummary = z
  .object({
    id: Uuid,
    councilId: Uuid,
    councilName: z.string(),
    layer: z.number().int(),
    heldOn: IsoDateString,
    startsAt: z.string().nullable(),
    endsAt: z.string().nullable(),
    place: z.string(),
    online: z.boolean(),
    theme: z.string(),
    status: MeetingStatus,
    /** 第n回 within the council's 年度 (null when cancelled). */
    number: z.number().int().nullable(),
    attendees: z.number().int(),
    guests: z.number().int(),
  })
  .meta({ id: 'MeetingSummary' });
export type MeetingSummary = z.infer<typeof MeetingSummary>;

export const ProjectSummary = z.object({
  id: Uuid,
  councilId: Uuid,
  councilName: z.string(),
  groupId: Uuid.nullable(),
  groupName: z.string().nullable(),
  name: z.string(),
  fiscalYear: z.number().int(),
  issue: z.string(),
  goal: z.string(),
  status: ProjectStatus,
  trials: z.number().int(),
  resources: z.number().int(),
});
export type ProjectSummary = z.infer<typeof ProjectSummary>;

const CouncilParams = TenantParams.extend({ id: Uuid });
const FyQuery = z.object({
  fy: z.coerce.number().int().min(2000).max(2100).optional().meta({ title: '年度' }),
});

export const listCouncils = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/councils',
  summary: '協議体の一覧',
  description: '協議体委員には、委員を務めている協議体だけを返します。',
  tag,
  access: 'tenant',
  params: TenantParams,
  query: z.object({ archived: z.enum(['true', 'false']).optional().meta({ title: 'アーカイブも含める' }) }),
  response: z.object({ items: z.array(Council), canCreate: z.boolean() }),
});

export const createCouncil = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/councils',
  summary: '協議体を登録する',
  tag,
  access: 'tenant',
  params: TenantParams,
  body: CouncilInput,
  status: 201,
  response: Council,
});

export const getCouncil = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/councils/{id}',
  summary: '協議体の詳細（委員・部会・会議・プロジェクト）',
  tag,
  access: 'tenant',
  params: CouncilParams,
  query: FyQuery,
  response: z.object({
    council: Council,
    members: z.array(Member),
    groups: z.array(Group),
    meetings: z.array(MeetingSummary),
    projects: z.array(ProjectSummary),
  }),
});

export const updateCouncil = endpoint({
  method: 'patch',
  path: '/api/t/{tenant}/councils/{id}',
  summary: '協議体を変更する（議事のひな型を含む）',
  tag,
  access: 'tenant',
  params: CouncilParams,
  body: CouncilInput.extend({ version: Version }),
  response: Council,
});

export const archiveCouncil = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/councils/{id}/archive',
  summary: '協議体をアーカイブする・戻す（記録はすべて残ります）',
  tag,
  access: 'tenant',
  params: CouncilParams,
  body: z.object({ archived: z.boolean().meta({ title: 'アーカイブ' }), version: Version }),
  response: Council,
});

export const deleteCouncil = endpoint({
  method: 'delete',
  path: '/api/t/{tenant}/councils/{id}',
  summary: '協議体を削除する（委員・会議・プロジェクトの記録がないときだけ）',
  description: '記録のある協議体は削除できず、409 でアーカイブを案内します。何も消えません。',
  tag,
  access: 'tenant',
  params: CouncilParams,
  response: Ok,
});

export const addMember = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/councils/{id}/members',
  summary: '委員を加える',
  tag,
  access: 'tenant',
  params: CouncilParams,
  body: MemberInput,
  status: 201,
  response: Member,
});

export const updateMember = endpoint({
  method: 'patch',
  path: '/api/t/{tenant}/councils/{id}/members/{memberId}',
  summary: '委員の役職・任期を変える（退任は任期の終わりで）',
  tag,
  access: 'tenant',
  params: CouncilParams.extend({ memberId: Uuid }),
  body: MemberInput.extend({ version: Version }),
  response: Member,
});

export const createGroup = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/councils/{id}/groups',
  summary: '部会をつくる',
  tag,
  access: 'tenant',
  params: CouncilParams,
  body: GroupInput,
  status: 201,
  response: Group,
});

export const updateGroup = endpoint({
  method: 'patch',
  path: '/api/t/{tenant}/councils/{id}/groups/{groupId}',
  summary: '部会を変更する',
  tag,
  access: 'tenant',
  params: CouncilParams.extend({ groupId: Uuid }),
  body: GroupInput.extend({ version: Version }),
  response: Group,
});

// ---------------------------------------------------------------------------------------------
// Meetings, agenda and minutes

/** What an agenda item is about: a needs-against-resources cell, needs, resources or a project. */
const Links = z.object({
  cell: z
    .object({
      areaId: Uuid.meta({ title: '対比表の地域' }),
      category: z.string().trim().min(1).max(60).meta({ title: '対比表の分類' }),
    })
    .nullable()
    .default(null)
    .meta({ title: 'ニーズと地域資源のマス' }),
  needIds: z.array(Uuid).max(20).default([]).meta({ title: '困りごと' }),
  resourceIds: z.array(Uuid).max(20).default([]).meta({ title: '地域資源' }),
  projectId: Uuid.nullable().default(null).meta({ title: 'プロジェクト' }),
});

export const AgendaItem = z
  .object({
    id: Uuid,
    position: z.number().int(),
    step: AgendaStep,
    title: z.string(),
    description: z.string(),
    cell: z
      .object({
        areaId: Uuid,
        areaName: z.string(),
        category: z.string(),
        categoryName: z.string(),
        openNeeds: z.number().int(),
        resources: z.number().int(),
        gap: z.boolean(),
      })
      .nullable(),
    /** Linked needs as counts-safe facts; `summary` only for those who may read needs. */
    needs: z.array(
      z.object({
        id: Uuid,
        categoryName: z.string(),
        areaName: z.string(),
        people: z.number().int(),
        summary: z.string().nullable(),
      }),
    ),
    resources: z.array(Ref),
    project: Ref.nullable(),
    carriedFrom: z.object({ meetingId: Uuid, heldOn: IsoDateString, title: z.string() }).nullable(),
    notes: z.string(),
    ideas: z.array(z.string()),
    carryOver: z.boolean(),
    homework: z.string(),
    /** What this item handed to the SC. */
    tasks: z.array(
      z.object({
        id: Uuid,
        title: z.string(),
        dueOn: IsoDateString,
        ownerName: z.string(),
        status: TaskStatus,
      }),
    ),
    version: z.number().int(),
  })
  .meta({ id: 'AgendaItem' });
export type AgendaItem = z.infer<typeof AgendaItem>;

export const Meeting = MeetingSummary.extend({
  attendeeIds: z.array(Uuid),
  guestsNote: z.string(),
  review: z.string(),
  nextNote: z.string(),
  items: z.array(AgendaItem),
  /** Seats of the council on the day (for attendance). */
  seats: z.array(Member),
  previous: z.object({ id: Uuid, heldOn: IsoDateString }).nullable(),
  next: z.object({ id: Uuid, heldOn: IsoDateString }).nullable(),
  version: z.number().int(),
  canEdit: z.boolean(),
}).meta({ id: 'Meeting' });
export type Meeting = z.infer<typeof Meeting>;

const MeetingFields = z.object({
  heldOn: IsoDateString.meta({ title: '開催日' }),
  startsAt: TimeOfDay.nullable().default(null).meta({ title: '開始時刻' }),
  endsAt: TimeOfDay.nullable().default(null).meta({ title: '終了時刻' }),
  place: text('場所', 200),
  online: z.boolean().default(false).meta({ title: 'オンライン' }),
  theme: text('主なテーマ', 120),
});

export const MeetingInput = MeetingFields.extend({
  /** The 地域課題 to start from (the first item of 地域課題の提示). */
  issue: Links.extend({ title: z.string().trim().max(120).default('').meta({ title: '地域課題' }) })
    .nullable()
    .default(null)
    .meta({ title: '地域課題' }),
});
export type MeetingInput = z.input<typeof MeetingInput>;

export const MeetingUpdate = MeetingFields.extend({
  status: MeetingStatus,
  attendeeIds: z.array(Uuid).max(200).default([]).meta({ title: '出席した委員' }),
  guests: z.number().int().min(0).max(1000).default(0).meta({ title: '委員以外の出席者数' }),
  guestsNote: text('委員以外の出席者', 500),
  review: text('総評', 4000),
  nextNote: text('次回の日程・宿題', 2000),
  version: Version,
});
export type MeetingUpdate = z.input<typeof MeetingUpdate>;

export const AgendaItemInput = Links.extend({
  step: AgendaStep,
  title: name('議題', 120),
  description: text('説明', 2000),
});
export type AgendaItemInput = z.input<typeof AgendaItemInput>;

export const MinutesInput = AgendaItemInput.extend({
  notes: text('意見交換の記録', 8000),
  ideas: z
    .array(z.string().trim().min(1).max(300).meta({ title: 'アイデア' }))
    .max(50)
    .default([])
    .meta({ title: 'アイデア' }),
  carryOver: z.boolean().default(false).meta({ title: '宿題・継続協議にする' }),
  homework: text('宿題の内容', 1000),
  version: Version,
});
export type MinutesInput = z.input<typeof MinutesInput>;

const MeetingParams = TenantParams.extend({ id: Uuid });
const ItemParams = MeetingParams.extend({ itemId: Uuid });

export const createMeeting = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/councils/{id}/meetings',
  summary: 'ひな型から会議を準備する（前回の宿題は自動で議題に入ります）',
  tag,
  access: 'tenant',
  params: CouncilParams,
  body: MeetingInput,
  status: 201,
  response: Meeting,
});

export const getMeeting = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/meetings/{id}',
  summary: '会議（議事と議事録）',
  tag,
  access: 'tenant',
  params: MeetingParams,
  response: Meeting,
});

export const updateMeeting = endpoint({
  method: 'patch',
  path: '/api/t/{tenant}/meetings/{id}',
  summary: '会議の日時・場所・出席・総評・次回を変える',
  tag,
  access: 'tenant',
  params: MeetingParams,
  body: MeetingUpdate,
  response: Meeting,
});

export const addAgendaItem = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/meetings/{id}/items',
  summary: '議題を加える',
  tag,
  access: 'tenant',
  params: MeetingParams,
  body: AgendaItemInput,
  status: 201,
  response: AgendaItem,
});

export const updateAgendaItem = endpoint({
  method: 'patch',
  path: '/api/t/{tenant}/meetings/{id}/items/{itemId}',
  summary: '議題と議事録（意見、アイデア、宿題）を書く',
  tag,
  access: 'tenant',
  params: ItemParams,
  body: MinutesInput,
  response: AgendaItem,
});

export const deleteAgendaItem = endpoint({
  method: 'delete',
  path: '/api/t/{tenant}/meetings/{id}/items/{itemId}',
  summary: '議題を除く（記録や託された仕事がないときだけ）',
  tag,
  access: 'tenant',
  params: ItemParams,
  response: Ok,
});

export const printMeeting = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/meetings/{id}/print',
  summary: '次第（議事）または議事録を PDF で',
  tag,
  access: 'tenant',
  params: MeetingParams,
  query: z.object({ kind: z.enum(['agenda', 'minutes']).meta({ title: '種類' }) }),
  response: FileResponse,
  responseKind: 'file',
});

export const councilCalendarFeed = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/councils/{id}/meetings.ics',
  summary: '協議体の会議の予定（ICS）',
  description:
    'ログインした委員と職員のためのファイルです（公開のカレンダー配信ではありません）。カレンダーのアプリに読み込めます。',
  tag,
  access: 'tenant',
  params: CouncilParams,
  response: FileResponse,
  responseKind: 'file',
});

export const YearTable = z.object({
  fiscalYear: z.number().int(),
  columns: z.array(z.object({ id: Uuid, name: z.string(), layer: z.number().int(), areaName: z.string() })),
  rows: z.array(
    z.object({
      month: z.string(),
      cells: z.array(
        z.array(
          z.object({
            meetingId: Uuid,
            heldOn: IsoDateString,
            number: z.number().int().nullable(),
            theme: z.string(),
            cancelled: z.boolean(),
          }),
        ),
      ),
    }),
  ),
});
export type YearTable = z.infer<typeof YearTable>;

export const councilCalendar = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/council-calendar',
  summary: '協議体の年間の開催（月 × 協議体、第1層と第2層を並べて）',
  tag,
  access: 'tenant',
  params: TenantParams,
  query: FyQuery,
  response: YearTable,
});

export const exportCouncilCalendar = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/council-calendar/export',
  summary: '協議体の年間の開催を PDF で',
  tag,
  access: 'tenant',
  params: TenantParams,
  query: FyQuery,
  response: FileResponse,
  responseKind: 'file',
});

// ---------------------------------------------------------------------------------------------
// SC tasks

export const Task = z
  .object({
    id: Uuid,
    title: z.string(),
    detail: z.string(),
    ownerUserId: Uuid,
    ownerName: z.string(),
    dueOn: IsoDateString,
    status: TaskStatus,
    council: Ref.nullable(),
    meeting: z.object({ id: Uuid, heldOn: IsoDateString }).nullable(),
    agendaItemId: Uuid.nullable(),
    project: Ref.nullable(),
    doneOn: IsoDateString.nullable(),
    doneNote: z.string(),
    createdBy: z.string(),
    version: z.number().int(),
    canEdit: z.boolean(),
  })
  .meta({ id: 'ScTask' });
export type Task = z.infer<typeof Task>;

export const TaskInput = z.object({
  title: name('託されたこと・仕事', 200),
  detail: text('くわしく', 2000),
  ownerUserId: Uuid.meta({ title: '担当者' }),
  dueOn: IsoDateString.meta({ title: '期限' }),
  meetingId: Uuid.nullable().default(null).meta({ title: '会議' }),
  agendaItemId: Uuid.nullable().default(null).meta({ title: '議題' }),
  projectId: Uuid.nullable().default(null).meta({ title: 'プロジェクト' }),
});
export type TaskInput = z.input<typeof TaskInput>;

export const TaskUpdate = TaskInput.omit({ meetingId: true, agendaItemId: true, projectId: true }).extend({
  status: TaskStatus,
  doneNote: text('結果', 2000),
  version: Version,
});
export type TaskUpdate = z.input<typeof TaskUpdate>;

export const listTasks = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/tasks',
  summary: 'SCの仕事の一覧（わたしの仕事・全員の仕事）',
  tag,
  access: 'tenant',
  params: TenantParams,
  query: z.object({
    owner: z.enum(['me', 'all']).default('me').meta({ title: '担当' }),
    status: z.enum(['open', 'closed', 'all']).default('open').meta({ title: '状況' }),
  }),
  response: z.object({ items: z.array(Task) }),
});

export const createTask = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/tasks',
  summary: 'SCの仕事を記録する（「SCに託す」からも）',
  tag,
  access: 'tenant',
  params: TenantParams,
  body: TaskInput,
  status: 201,
  response: Task,
});

export const updateTask = endpoint({
  method: 'patch',
  path: '/api/t/{tenant}/tasks/{id}',
  summary: 'SCの仕事を変える・完了にする',
  tag,
  access: 'tenant',
  params: TenantParams.extend({ id: Uuid }),
  body: TaskUpdate,
  response: Task,
});

export const taskOwners = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/task-owners',
  summary: '仕事を受け持てる利用者（保険者職員・SC）',
  tag,
  access: 'tenant',
  params: TenantParams,
  response: z.object({ items: z.array(z.object({ userId: Uuid, name: z.string(), role: z.string() })) }),
});

// ---------------------------------------------------------------------------------------------
// Projects (PJ) and trials

export const Trial = z
  .object({
    id: Uuid,
    triedOn: IsoDateString,
    what: z.string(),
    learned: z.string(),
    participants: z.number().int().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'ProjectTrial' });
export type Trial = z.infer<typeof Trial>;

export const Project = ProjectSummary.extend({
  results: z.string(),
  people: z.array(Ref),
  organizations: z.array(Ref),
  trialList: z.array(Trial),
  developed: z.array(z.object({ id: Uuid, name: z.string(), linkedOn: IsoDateString })),
  version: z.number().int(),
  canEdit: z.boolean(),
}).meta({ id: 'Project' });
export type Project = z.infer<typeof Project>;

export const ProjectInput = z.object({
  councilId: Uuid.meta({ title: '協議体' }),
  groupId: Uuid.nullable().default(null).meta({ title: '部会' }),
  name: name('プロジェクト名'),
  fiscalYear: Fy,
  issue: text('課題', 2000),
  goal: text('年度ゴール', 2000),
  status: ProjectStatus.default('planning'),
  results: text('成果・わかったこと', 4000),
  personIds: z.array(Uuid).max(100).default([]).meta({ title: 'メンバー（人）' }),
  organizationIds: z.array(Uuid).max(100).default([]).meta({ title: 'メンバー（主体）' }),
});
export type ProjectInput = z.input<typeof ProjectInput>;

export const TrialInput = z.object({
  triedOn: IsoDateString.meta({ title: '試行した日' }),
  what: name('試したこと', 2000),
  learned: text('わかったこと', 2000),
  participants: z.number().int().min(0).max(100_000).nullable().default(null).meta({ title: '参加した人数' }),
});
export type TrialInput = z.input<typeof TrialInput>;

const ProjectParams = TenantParams.extend({ id: Uuid });

export const listProjects = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/projects',
  summary: 'プロジェクトの一覧',
  tag,
  access: 'tenant',
  params: TenantParams,
  query: FyQuery.extend({ council: Uuid.optional().meta({ title: '協議体' }) }),
  response: z.object({ items: z.array(ProjectSummary) }),
});

export const createProject = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/projects',
  summary: 'プロジェクトをつくる',
  tag,
  access: 'tenant',
  params: TenantParams,
  body: ProjectInput,
  status: 201,
  response: Project,
});

export const getProject = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/projects/{id}',
  summary: 'プロジェクト（試行と、生まれた地域資源）',
  tag,
  access: 'tenant',
  params: ProjectParams,
  response: Project,
});

export const updateProject = endpoint({
  method: 'patch',
  path: '/api/t/{tenant}/projects/{id}',
  summary: 'プロジェクトを変更する',
  tag,
  access: 'tenant',
  params: ProjectParams,
  body: ProjectInput.extend({ version: Version }),
  response: Project,
});

export const addTrial = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/projects/{id}/trials',
  summary: '試行を記録する',
  tag,
  access: 'tenant',
  params: ProjectParams,
  body: TrialInput,
  status: 201,
  response: Trial,
});

export const updateTrial = endpoint({
  method: 'patch',
  path: '/api/t/{tenant}/projects/{id}/trials/{trialId}',
  summary: '試行の記録を変える',
  tag,
  access: 'tenant',
  params: ProjectParams.extend({ trialId: Uuid }),
  body: TrialInput.extend({ version: Version }),
  response: Trial,
});

export const linkProjectResource = endpoint({
  method: 'put',
  path: '/api/t/{tenant}/projects/{id}/resources/{resourceId}',
  summary: 'プロジェクトから生まれた地域資源として結びつける（資源開発）',
  tag,
  access: 'tenant',
  params: ProjectParams.extend({ resourceId: Uuid }),
  response: Project,
});

export const unlinkProjectResource = endpoint({
  method: 'delete',
  path: '/api/t/{tenant}/projects/{id}/resources/{resourceId}',
  summary: '生まれた地域資源の結びつきを外す',
  tag,
  access: 'tenant',
  params: ProjectParams.extend({ resourceId: Uuid }),
  response: Project,
});

export const projectReport = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/project-report',
  summary: '成果報告会の資料（年度のプロジェクトごとの課題・ゴール・試行・成果）を PDF で',
  tag,
  access: 'tenant',
  params: TenantParams,
  query: FyQuery.extend({ council: Uuid.optional().meta({ title: '協議体' }) }),
  response: FileResponse,
  responseKind: 'file',
});
