import { z } from 'zod';
import { HelperInput, TrainingKind } from './helpers';
import { endpoint, FileResponse, IsoDateString, TenantParams, Uuid, Version } from './http';

/*
 * 養成講座 (courses for 担い手): sessions, attendance, and the 修了者一覧. Part of the helpers module;
 * kept in its own contract file.
 */

const tag = 'helpers';

const Time = z
  .union([
    z.literal(''),
    z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '時刻は 10:00 の形で入力してください'),
  ])
  .default('');

export const CourseSummary = z
  .object({
    id: Uuid,
    kind: TrainingKind,
    kindLabel: z.string(),
    title: z.string(),
    fiscalYear: z.number().int(),
    place: z.string(),
    capacity: z.number().int().nullable(),
    areaId: Uuid.nullable(),
    areaName: z.string().nullable(),
    note: z.string(),
    sessions: z.number().int(),
    firstOn: IsoDateString.nullable(),
    lastOn: IsoDateString.nullable(),
    participants: z.number().int(),
    completed: z.number().int(),
    version: z.number().int(),
    canEdit: z.boolean(),
  })
  .meta({ id: 'CourseSummary' });
export type CourseSummary = z.infer<typeof CourseSummary>;

export const CourseSession = z.object({
  id: Uuid,
  /** 第1回, 第2回 … in date order. */
  number: z.number().int(),
  on: IsoDateString,
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  content: z.string(),
  attended: z.number().int(),
  /** The session has taken place (attendance may be taken). */
  held: z.boolean(),
});
export type CourseSession = z.infer<typeof CourseSession>;

export const CourseParticipant = z.object({
  id: Uuid,
  helperId: Uuid.nullable(),
  name: z.string(),
  kana: z.string(),
  /** Only for people not registered as helpers (for helpers the 人材バンク holds it). */
  phone: z.string(),
  attended: z.array(Uuid),
  completed: z.boolean(),
  certificateNo: z.number().int().nullable(),
  completedOn: IsoDateString.nullable(),
  /** The course is in the helper's record (helper_trainings). */
  trainingRecorded: z.boolean(),
});
export type CourseParticipant = z.infer<typeof CourseParticipant>;

export const CourseDetail = z
  .object({
    course: CourseSummary,
    sessions: z.array(CourseSession),
    participants: z.array(CourseParticipant),
  })
  .meta({ id: 'CourseDetail' });
export type CourseDetail = z.infer<typeof CourseDetail>;

export const CourseInput = z
  .object({
    kind: TrainingKind,
    title: z.string().trim().min(1).max(120).meta({ title: '講座名' }),
    fiscalYear: z.number().int().min(2000).max(2100).meta({ title: '年度' }),
    place: z.string().trim().max(120).default('').meta({ title: '会場' }),
    capacity: z.number().int().min(1).max(10_000).nullable().default(null).meta({ title: '定員' }),
    areaId: Uuid.nullable().default(null).meta({ title: '開く地域' }),
    note: z.string().trim().max(2000).default('').meta({ title: 'メモ' }),
  })
  .meta({ id: 'CourseInput' });
export type CourseInput = z.input<typeof CourseInput>;

export const CourseSessionInput = z.object({
  on: IsoDateString.meta({ title: '日付' }),
  startsAt: Time.meta({ title: '開始時刻' }),
  endsAt: Time.meta({ title: '終了時刻' }),
  place: z.string().trim().max(120).default('').meta({ title: '会場' }),
  content: z.string().trim().max(400).default('').meta({ title: '内容' }),
});
export type CourseSessionInput = z.input<typeof CourseSessionInput>;

const CourseParams = TenantParams.extend({ id: Uuid });
const SessionParams = CourseParams.extend({ sessionId: Uuid });
const ParticipantParams = CourseParams.extend({ participantId: Uuid });
const WithVersion = z.object({ version: Version });
const VersionQuery = z.object({ version: z.coerce.number().int().min(1).meta({ title: '版' }) });

export const listCourses = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/courses',
  summary: '養成講座の一覧',
  tag,
  access: 'tenant',
  params: TenantParams,
  query: z.object({ fy: z.coerce.number().int().min(2000).max(2100).optional().meta({ title: '年度' }) }),
  response: z.object({ items: z.array(CourseSummary), canCreate: z.boolean() }),
});

export const createCourse = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/courses',
  summary: '養成講座をつくる',
  tag,
  access: 'tenant',
  params: TenantParams,
  body: CourseInput,
  status: 201,
  response: CourseDetail,
});

export const getCourse = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/courses/{id}',
  summary: '養成講座の詳細（回・出席・修了者）',
  tag,
  access: 'tenant',
  params: CourseParams,
  response: CourseDetail,
});

export const updateCourse = endpoint({
  method: 'patch',
  path: '/api/t/{tenant}/courses/{id}',
  summary: '養成講座の情報を変える',
  description:
    '講座への変更（回・受講者・出席を含む）はすべて講座の版を進めます。版が違うときは 409 を返し、何も変えません。',
  tag,
  access: 'tenant',
  params: CourseParams,
  body: z.intersection(CourseInput, WithVersion),
  response: CourseDetail,
});

export const addCourseSession = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/courses/{id}/sessions',
  summary: '講座に回を加える',
  tag,
  access: 'tenant',
  params: CourseParams,
  body: z.intersection(CourseSessionInput, WithVersion),
  status: 201,
  response: CourseDetail,
});

export const updateCourseSession = endpoint({
  method: 'patch',
  path: '/api/t/{tenant}/courses/{id}/sessions/{sessionId}',
  summary: '講座の回を変える',
  tag,
  access: 'tenant',
  params: SessionParams,
  body: z.intersection(CourseSessionInput, WithVersion),
  response: CourseDetail,
});

export const removeCourseSession = endpoint({
  method: 'delete',
  path: '/api/t/{tenant}/courses/{id}/sessions/{sessionId}',
  summary: '講座の回を取り消す（その回の出席も消えます）',
  tag,
  access: 'tenant',
  params: SessionParams,
  query: VersionQuery,
  response: CourseDetail,
});

export const addCourseParticipant = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/courses/{id}/participants',
  summary: '受講者を加える（登録済みの担い手か、名前と電話）',
  tag,
  access: 'tenant',
  params: CourseParams,
  body: z.object({
    version: Version,
    helperId: Uuid.nullable().default(null).meta({ title: '担い手' }),
    name: z.string().trim().max(80).default('').meta({ title: '氏名' }),
    // The 人材バンク's own rules, so that registering the participant later accepts what was typed.
    kana: HelperInput.shape.kana,
    phone: HelperInput.shape.phone,
  }),
  status: 201,
  response: CourseDetail,
});

export const removeCourseParticipant = endpoint({
  method: 'delete',
  path: '/api/t/{tenant}/courses/{id}/participants/{participantId}',
  summary: '受講者を外す（出席の記録も消えます）',
  tag,
  access: 'tenant',
  params: ParticipantParams,
  query: VersionQuery,
  response: CourseDetail,
});

export const setCourseAttendance = endpoint({
  method: 'put',
  path: '/api/t/{tenant}/courses/{id}/sessions/{sessionId}/attendance',
  summary: '回の出席をまとめて記録する（出席した受講者の一覧）',
  description: 'すべての回に出席した受講者は修了となり、登録済みの担い手には受けた講座として記録されます。',
  tag,
  access: 'tenant',
  params: SessionParams,
  body: z.object({
    version: Version,
    participantIds: z.array(Uuid).max(2000).meta({ title: '出席した受講者' }),
  }),
  response: CourseDetail,
});

export const registerCourseParticipant = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/courses/{id}/participants/{participantId}/helper',
  summary: '受講者を担い手として登録する',
  tag,
  access: 'tenant',
  params: ParticipantParams,
  body: z.object({
    version: Version,
    townName: z.string().trim().max(80).default('').meta({ title: '町丁' }),
    consentOn: IsoDateString.nullable().default(null).meta({ title: '登録への同意を得た日' }),
  }),
  response: CourseDetail,
});

export const exportCourseCompletions = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/courses/{id}/completions/export',
  summary: '修了者一覧を書き出す（xlsx / PDF）',
  tag,
  access: 'tenant',
  params: CourseParams,
  query: z.object({ format: z.enum(['xlsx', 'pdf']).meta({ title: '形式' }) }),
  response: FileResponse,
  responseKind: 'file',
});
