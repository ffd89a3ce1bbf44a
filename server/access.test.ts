import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPath } from '../contracts/http';
import { allRoutes } from './app';
import { createTestApp, type TestApp, type TestClient } from './core/testing/test-app';

/*
 * Walks every route the app serves. A new route fails here until it is registered through a
 * contract and given a fixture below — and then it is tried by an outsider (another tenant's
 * staff), by a read-only member, and by a 第2層 SC aiming outside her areas.
 */

const A = '372013'; // the outsider's tenant
const B = '014257'; // the tenant under attack

interface Ids {
  resource: string;
  organization: string;
  resourceImport: string;
  root: string;
  north: string;
  central: string;
  honmachi: string;
  importId: string;
  invitationId: string;
  memberId: string;
  token: string;
  need: string;
  resident: string;
  survey: string;
  response: string;
  surveyImport: string;
  helper: string;
  referral: string;
  opportunity: string;
  training: string;
  course: string;
  session: string;
  participant: string;
  scheme: string;
  pointActivity: string;
  transaction: string;
  person: string;
  council: string;
  seat: string;
  group: string;
  meeting: string;
  item: string;
  task: string;
  project: string;
  trial: string;
  activity: string;
  staffUser: string;
}

type Fixture = (ids: Ids) => {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
};

const areaBody = (ids: Ids) => ({
  name: '変更',
  kana: '',
  layer: 3,
  kind: '地区',
  parentId: ids.central,
  townNames: [],
});
const csv = new TextEncoder().encode('地域名,総人口,調査年月日\n本町,100,2024-04-01\n');
const resourceBody = (ids: Ids) => ({
  name: '乗っ取りサロン',
  kind: 'informal',
  categories: ['ibasho'],
  location: { name: '本町', address: '本町1', areaId: ids.honmachi },
});
const resourceCsv = new TextEncoder().encode('名称,分類\n本町サロン,サロン\n');

/** A valid request for every route, aimed at tenant B and, where it matters, outside 北部圏域. */
const fixtures: Record<string, Fixture> = {
  'get /api/auth/session': () => ({}),
  'post /api/auth/login': () => ({ body: { email: 'nobody@test.example', password: 'x' } }),
  'post /api/auth/logout': () => ({}),
  'post /api/auth/password': () => ({ body: { currentPassword: 'x', newPassword: 'a-new-password-123' } }),
  'get /api/t/{tenant}/members': () => ({ params: { tenant: B } }),
  'patch /api/t/{tenant}/members/{userId}': (ids) => ({
    params: { tenant: B, userId: ids.memberId },
    body: { role: 'reader', areaIds: [], version: 1 },
  }),
  'delete /api/t/{tenant}/members/{userId}': (ids) => ({ params: { tenant: B, userId: ids.memberId } }),
  'get /api/t/{tenant}/invitations': () => ({ params: { tenant: B } }),
  'post /api/t/{tenant}/invitations': () => ({
    params: { tenant: B },
    body: { email: 'intruder@test.example', role: 'insurer_staff' },
  }),
  'delete /api/t/{tenant}/invitations/{id}': (ids) => ({ params: { tenant: B, id: ids.invitationId } }),
  'get /api/invitations/{token}': (ids) => ({ params: { token: ids.token } }),
  'post /api/invitations/{token}/accept': (ids) => ({
    params: { token: ids.token },
    body: { password: 'x' },
  }),
  'get /api/tenants': () => ({}),
  'get /api/local-govs/{code}': () => ({ params: { code: '37201' } }),
  'post /api/tenants': () => ({ body: { code: '01100' } }),
  'get /api/t/{tenant}': () => ({ params: { tenant: B } }),
  'patch /api/t/{tenant}': () => ({ params: { tenant: B }, body: { insurerNumber: null, version: 1 } }),
  'get /api/t/{tenant}/audit-log': () => ({ params: { tenant: B } }),
  'get /api/t/{tenant}/areas': () => ({ params: { tenant: B } }),
  'get /api/t/{tenant}/areas/{id}': (ids) => ({ params: { tenant: B, id: ids.central } }),
  'post /api/t/{tenant}/areas': (ids) => ({ params: { tenant: B }, body: areaBody(ids) }),
  'patch /api/t/{tenant}/areas/{id}': (ids) => ({
    params: { tenant: B, id: ids.honmachi },
    body: { ...areaBody(ids), version: 1 },
  }),
  'put /api/t/{tenant}/areas/{id}/boundary': (ids) => ({
    params: { tenant: B, id: ids.central },
    body: { geojson: null, version: 1 },
  }),
  'put /api/t/{tenant}/areas/{id}/statistics/{asOf}': (ids) => ({
    params: { tenant: B, id: ids.central, asOf: '2026-04-01' },
    body: { total: 1 },
  }),
  'post /api/t/{tenant}/population-imports': () => ({
    params: { tenant: B },
    query: { fileName: 'x.csv' },
    body: csv,
  }),
  'get /api/t/{tenant}/population-imports/{id}': (ids) => ({ params: { tenant: B, id: ids.importId } }),
  'post /api/t/{tenant}/population-imports/{id}/commit': (ids) => ({
    params: { tenant: B, id: ids.importId },
  }),
  'get /api/t/{tenant}/exports/{kind}': () => ({
    params: { tenant: B, kind: 'areas' },
    query: { format: 'csv' },
  }),
  'get /api/t/{tenant}/resources': () => ({ params: { tenant: B } }),
  'get /api/t/{tenant}/area-boundaries': () => ({ params: { tenant: B } }),
  'get /api/app-config': () => ({}),
  'get /api/t/{tenant}/resource-points': () => ({ params: { tenant: B } }),
  'get /api/t/{tenant}/resources/{id}': (ids) => ({ params: { tenant: B, id: ids.resource } }),
  'post /api/t/{tenant}/resources': (ids) => ({ params: { tenant: B }, body: resourceBody(ids) }),
  'put /api/t/{tenant}/resources/{id}': (ids) => ({
    params: { tenant: B, id: ids.resource },
    body: { ...resourceBody(ids), version: 1 },
  }),
  'post /api/t/{tenant}/resources/{id}/verify': (ids) => ({
    params: { tenant: B, id: ids.resource },
    body: { version: 1 },
  }),
  'get /api/t/{tenant}/resources-similar': () => ({ params: { tenant: B }, query: { name: 'サロン' } }),
  'get /api/t/{tenant}/resources-review': () => ({ params: { tenant: B } }),
  'get /api/t/{tenant}/resources/{id}/revisions': (ids) => ({ params: { tenant: B, id: ids.resource } }),
  'post /api/t/{tenant}/resources/{id}/revisions/{revision}/restore': (ids) => ({
    params: { tenant: B, id: ids.resource, revision: '1' },
    body: { version: 1 },
  }),
  'get /api/t/{tenant}/organizations': () => ({ params: { tenant: B } }),
  'post /api/t/{tenant}/organizations': () => ({
    params: { tenant: B },
    body: { name: '侵入者の会', kind: 'その他' },
  }),
  'put /api/t/{tenant}/organizations/{id}': (ids) => ({
    params: { tenant: B, id: ids.organization },
    body: { name: '乗っ取り', kind: 'その他', version: 1 },
  }),
  'get /api/t/{tenant}/taxonomy': () => ({ params: { tenant: B } }),
  'put /api/t/{tenant}/taxonomy/{code}': () => ({
    params: { tenant: B, code: 'ibasho' },
    body: { name: '乗っ取り', group: 'gather', synonyms: [], version: 1 },
  }),
  'post /api/t/{tenant}/resource-imports': () => ({
    params: { tenant: B },
    query: { fileName: 'r.csv' },
    body: resourceCsv,
  }),
  'put /api/t/{tenant}/resource-imports/{id}/mapping': (ids) => ({
    params: { tenant: B, id: ids.resourceImport },
    body: { mapping: { columns: { 名称: 'name' }, sourceSystem: 'x', defaultCategory: 'ibasho' } },
  }),
  'get /api/t/{tenant}/resource-imports/{id}': (ids) => ({ params: { tenant: B, id: ids.resourceImport } }),
  'post /api/t/{tenant}/resource-imports/{id}/commit': (ids) => ({
    params: { tenant: B, id: ids.resourceImport },
  }),
  'get /api/t/{tenant}/resource-import-presets': () => ({ params: { tenant: B } }),
  'get /api/t/{tenant}/resource-export': () => ({ params: { tenant: B }, query: { format: 'csv' } }),
  'get /api/hsds/v3/{tenant}': () => ({ params: { tenant: B } }),
  'get /api/hsds/v3/{tenant}/services': () => ({ params: { tenant: B } }),
  'get /api/hsds/v3/{tenant}/services/{id}': (ids) => ({ params: { tenant: B, id: ids.resource } }),
  'get /api/hsds/v3/{tenant}/organizations': () => ({ params: { tenant: B } }),
  'get /api/hsds/v3/{tenant}/organizations/{id}': (ids) => ({ params: { tenant: B, id: ids.organization } }),
  'get /api/hsds/v3/{tenant}/service_at_locations': () => ({ params: { tenant: B } }),
  'get /api/hsds/v3/{tenant}/service_at_locations/{id}': () => ({ params: { tenant: B, id: 'x' } }),
  'get /api/hsds/v3/{tenant}/taxonomies': () => ({ params: { tenant: B } }),
  'get /api/hsds/v3/{tenant}/taxonomies/{id}': () => ({ params: { tenant: B, id: 'x' } }),
  'get /api/hsds/v3/{tenant}/taxonomy_terms': () => ({ params: { tenant: B } }),
  'get /api/hsds/v3/{tenant}/taxonomy_terms/{id}': () => ({ params: { tenant: B, id: 'ibasho' } }),
  'get /api/t/{tenant}/needs': () => ({ params: { tenant: B } }),
  'get /api/t/{tenant}/needs/{id}': (ids) => ({ params: { tenant: B, id: ids.need } }),
  'post /api/t/{tenant}/needs': (ids) => ({ params: { tenant: B }, body: needBody(ids) }),
  'patch /api/t/{tenant}/needs/{id}': (ids) => ({
    params: { tenant: B, id: ids.need },
    body: { ...needBody(ids), summary: '書き換え', version: 1 },
  }),
  'post /api/t/{tenant}/needs/{id}/status': (ids) => ({
    params: { tenant: B, id: ids.need },
    body: { status: 'resolved', version: 1 },
  }),
  'get /api/t/{tenant}/needs-matrix': () => ({ params: { tenant: B } }),
  'get /api/t/{tenant}/needs-matrix/cell': (ids) => ({
    params: { tenant: B },
    query: { area: ids.honmachi, category: 'kaimono' },
  }),
  'get /api/t/{tenant}/needs-matrix/export': () => ({ params: { tenant: B }, query: { format: 'xlsx' } }),
  'get /api/t/{tenant}/residents': () => ({ params: { tenant: B } }),
  'get /api/t/{tenant}/residents/{id}': (ids) => ({ params: { tenant: B, id: ids.resident } }),
  'post /api/t/{tenant}/residents': (ids) => ({ params: { tenant: B }, body: residentBody(ids) }),
  'patch /api/t/{tenant}/residents/{id}': (ids) => ({
    params: { tenant: B, id: ids.resident },
    body: { ...residentBody(ids), name: '書き換え', version: 1 },
  }),
  'get /api/t/{tenant}/residents/{id}/export': (ids) => ({ params: { tenant: B, id: ids.resident } }),
  'post /api/t/{tenant}/residents/{id}/erase': (ids) => ({
    params: { tenant: B, id: ids.resident },
    body: { version: 1, reason: '本人の求め' },
  }),
};

const surveyCsv = new TextEncoder().encode('調査票番号,No.1\n1,0\n');
const sIds = (ids: Ids) => ({ tenant: B, id: ids.survey });

Object.assign(fixtures, {
  'get /api/t/{tenant}/survey-instruments': () => ({ params: { tenant: B } }),
  'get /api/t/{tenant}/surveys': () => ({ params: { tenant: B } }),
  'post /api/t/{tenant}/surveys': () => ({
    params: { tenant: B },
    body: { title: '乗っ取り調査', instrument: 'kihon-checklist', fiscalYear: 2026 },
  }),
  'get /api/t/{tenant}/surveys/{id}': (ids: Ids) => ({ params: sIds(ids) }),
  'patch /api/t/{tenant}/surveys/{id}': (ids: Ids) => ({
    params: sIds(ids),
    body: { title: '書き換え', thresholds: {}, version: 1 },
  }),
  'post /api/t/{tenant}/surveys/{id}/responses': (ids: Ids) => ({
    params: sIds(ids),
    body: { areaId: ids.honmachi, answers: { kc01: '1' } },
  }),
  'get /api/t/{tenant}/surveys/{id}/responses': (ids: Ids) => ({ params: sIds(ids) }),
  'get /api/t/{tenant}/surveys/{id}/responses/{responseId}': (ids: Ids) => ({
    params: { ...sIds(ids), responseId: ids.response },
  }),
  'delete /api/t/{tenant}/surveys/{id}/responses/{responseId}': (ids: Ids) => ({
    params: { ...sIds(ids), responseId: ids.response },
  }),
  'post /api/t/{tenant}/surveys/{id}/imports': (ids: Ids) => ({
    params: sIds(ids),
    query: { fileName: 'a.csv' },
    body: surveyCsv,
  }),
  'put /api/t/{tenant}/surveys/{id}/imports/{importId}/mapping': (ids: Ids) => ({
    params: { ...sIds(ids), importId: ids.surveyImport },
    body: { headerRows: 1, columns: { '0': '@respondentNo', '1': 'kc01' } },
  }),
  'post /api/t/{tenant}/surveys/{id}/imports/{importId}/commit': (ids: Ids) => ({
    params: { ...sIds(ids), importId: ids.surveyImport },
  }),
  'get /api/t/{tenant}/surveys/{id}/results': (ids: Ids) => ({ params: sIds(ids) }),
  'get /api/t/{tenant}/surveys/{id}/results/export': (ids: Ids) => ({
    params: sIds(ids),
    query: { format: 'xlsx' },
  }),
});

const cIds = (ids: Ids) => ({ tenant: B, id: ids.council });
const mIds = (ids: Ids) => ({ tenant: B, id: ids.meeting });
const pIds = (ids: Ids) => ({ tenant: B, id: ids.project });
const councilBody = (ids: Ids) => ({ name: '乗っ取り協議体', layer: 2, areaId: ids.central });
const projectBody = (ids: Ids) => ({ councilId: ids.council, name: '乗っ取りPJ', fiscalYear: 2026 });
const activityBody = (ids: Ids) => ({
  minutes: 30,
  type: 'visit',
  layer: 2,
  functions: ['f1'],
  areaIds: [ids.honmachi],
});

Object.assign(fixtures, {
  'get /api/t/{tenant}/people': () => ({ params: { tenant: B } }),
  'post /api/t/{tenant}/people': (ids: Ids) => ({
    params: { tenant: B },
    body: { name: '侵入 太郎', areaId: ids.honmachi },
  }),
  'patch /api/t/{tenant}/people/{id}': (ids: Ids) => ({
    params: { tenant: B, id: ids.person },
    body: { name: '書き換え', areaId: ids.honmachi, version: 1 },
  }),
  'get /api/t/{tenant}/councils': () => ({ params: { tenant: B } }),
  'post /api/t/{tenant}/councils': (ids: Ids) => ({ params: { tenant: B }, body: councilBody(ids) }),
  'get /api/t/{tenant}/councils/{id}': (ids: Ids) => ({ params: cIds(ids) }),
  'patch /api/t/{tenant}/councils/{id}': (ids: Ids) => ({
    params: cIds(ids),
    body: { ...councilBody(ids), version: 1 },
  }),
  'post /api/t/{tenant}/councils/{id}/archive': (ids: Ids) => ({
    params: cIds(ids),
    body: { archived: true, version: 1 },
  }),
  'delete /api/t/{tenant}/councils/{id}': (ids: Ids) => ({ params: cIds(ids) }),
  'post /api/t/{tenant}/councils/{id}/members': (ids: Ids) => ({
    params: cIds(ids),
    body: { personId: ids.person, role: 'member' },
  }),
  'patch /api/t/{tenant}/councils/{id}/members/{memberId}': (ids: Ids) => ({
    params: { ...cIds(ids), memberId: ids.seat },
    body: { personId: ids.person, role: 'observer', version: 1 },
  }),
  'post /api/t/{tenant}/councils/{id}/groups': (ids: Ids) => ({
    params: cIds(ids),
    body: { name: '乗っ取り部会' },
  }),
  'patch /api/t/{tenant}/councils/{id}/groups/{groupId}': (ids: Ids) => ({
    params: { ...cIds(ids), groupId: ids.group },
    body: { name: '書き換え', version: 1 },
  }),
  'get /api/t/{tenant}/council-calendar': () => ({ params: { tenant: B } }),
  'get /api/t/{tenant}/council-calendar/export': () => ({ params: { tenant: B } }),
  'post /api/t/{tenant}/councils/{id}/meetings': (ids: Ids) => ({
    params: cIds(ids),
    body: { heldOn: '2026-12-01' },
  }),
  'get /api/t/{tenant}/meetings/{id}': (ids: Ids) => ({ params: mIds(ids) }),
  'patch /api/t/{tenant}/meetings/{id}': (ids: Ids) => ({
    params: mIds(ids),
    body: { heldOn: '2026-12-02', status: 'held', version: 1 },
  }),
  'post /api/t/{tenant}/meetings/{id}/items': (ids: Ids) => ({
    params: mIds(ids),
    body: { step: 'exchange', title: '乗っ取り' },
  }),
  'patch /api/t/{tenant}/meetings/{id}/items/{itemId}': (ids: Ids) => ({
    params: { ...mIds(ids), itemId: ids.item },
    body: { step: 'issue', title: '書き換え', ideas: ['乗っ取り'], version: 1 },
  }),
  'delete /api/t/{tenant}/meetings/{id}/items/{itemId}': (ids: Ids) => ({
    params: { ...mIds(ids), itemId: ids.item },
  }),
  'get /api/t/{tenant}/meetings/{id}/print': (ids: Ids) => ({ params: mIds(ids), query: { kind: 'agenda' } }),
  'get /api/t/{tenant}/councils/{id}/meetings.ics': (ids: Ids) => ({ params: cIds(ids) }),
  'get /api/t/{tenant}/tasks': () => ({ params: { tenant: B } }),
  'post /api/t/{tenant}/tasks': (ids: Ids) => ({
    params: { tenant: B },
    body: { title: '乗っ取り', ownerUserId: ids.staffUser, dueOn: '2026-12-10', meetingId: ids.meeting },
  }),
  'patch /api/t/{tenant}/tasks/{id}': (ids: Ids) => ({
    params: { tenant: B, id: ids.task },
    body: { title: '書き換え', ownerUserId: ids.staffUser, dueOn: '2026-12-10', status: 'done', version: 1 },
  }),
  'get /api/t/{tenant}/task-owners': () => ({ params: { tenant: B } }),
  'get /api/t/{tenant}/projects': () => ({ params: { tenant: B } }),
  'post /api/t/{tenant}/projects': (ids: Ids) => ({ params: { tenant: B }, body: projectBody(ids) }),
  'get /api/t/{tenant}/projects/{id}': (ids: Ids) => ({ params: pIds(ids) }),
  'patch /api/t/{tenant}/projects/{id}': (ids: Ids) => ({
    params: pIds(ids),
    body: { ...projectBody(ids), version: 1 },
  }),
  'post /api/t/{tenant}/projects/{id}/trials': (ids: Ids) => ({
    params: pIds(ids),
    body: { triedOn: '2026-11-01', what: '乗っ取り' },
  }),
  'patch /api/t/{tenant}/projects/{id}/trials/{trialId}': (ids: Ids) => ({
    params: { ...pIds(ids), trialId: ids.trial },
    body: { triedOn: '2026-11-01', what: '書き換え', version: 1 },
  }),
  'put /api/t/{tenant}/projects/{id}/resources/{resourceId}': (ids: Ids) => ({
    params: { ...pIds(ids), resourceId: ids.resource },
  }),
  'delete /api/t/{tenant}/projects/{id}/resources/{resourceId}': (ids: Ids) => ({
    params: { ...pIds(ids), resourceId: ids.resource },
  }),
  'get /api/t/{tenant}/project-report': () => ({ params: { tenant: B } }),
  'get /api/t/{tenant}/activities': () => ({ params: { tenant: B } }),
  'post /api/t/{tenant}/activities': (ids: Ids) => ({ params: { tenant: B }, body: activityBody(ids) }),
  'get /api/t/{tenant}/activities/{id}': (ids: Ids) => ({ params: { tenant: B, id: ids.activity } }),
  'patch /api/t/{tenant}/activities/{id}': (ids: Ids) => ({
    params: { tenant: B, id: ids.activity },
    body: { ...activityBody(ids), summary: '書き換え', version: 1 },
  }),
  'delete /api/t/{tenant}/activities/{id}': (ids: Ids) => ({ params: { tenant: B, id: ids.activity } }),
  'get /api/t/{tenant}/activity-report': () => ({ params: { tenant: B } }),
  'get /api/t/{tenant}/activity-report/export': () => ({ params: { tenant: B }, query: { format: 'xlsx' } }),
  'get /api/t/{tenant}/network': () => ({ params: { tenant: B } }),
});

const helperBody = (ids: Ids) => ({
  name: '乗っ取り',
  homeAreaId: ids.honmachi,
  consent: { on: '2026-04-01' },
});
const opportunityBody = (ids: Ids) => ({
  title: '乗っ取りの仕事',
  kinds: ['seisou'],
  areaIds: [ids.honmachi],
});
const hIds = (ids: Ids) => ({ tenant: B, id: ids.helper });
const rIds = (ids: Ids) => ({ tenant: B, id: ids.referral });

Object.assign(fixtures, {
  'get /api/t/{tenant}/helpers': () => ({ params: { tenant: B } }),
  'get /api/t/{tenant}/helpers/{id}': (ids: Ids) => ({ params: hIds(ids) }),
  'post /api/t/{tenant}/helpers': (ids: Ids) => ({ params: { tenant: B }, body: helperBody(ids) }),
  'patch /api/t/{tenant}/helpers/{id}': (ids: Ids) => ({
    params: hIds(ids),
    body: { ...helperBody(ids), version: 1 },
  }),
  'post /api/t/{tenant}/helpers/{id}/trainings': (ids: Ids) => ({
    params: hIds(ids),
    body: { kind: 'ninchisho-supporter', completedOn: '2026-04-01' },
  }),
  'delete /api/t/{tenant}/helpers/{id}/trainings/{trainingId}': (ids: Ids) => ({
    params: { ...hIds(ids), trainingId: ids.training },
  }),
  'get /api/t/{tenant}/needs/{id}/suggestions': (ids: Ids) => ({ params: { tenant: B, id: ids.need } }),
  'get /api/t/{tenant}/residents/{id}/suggestions': (ids: Ids) => ({
    params: { tenant: B, id: ids.resident },
  }),
  'get /api/t/{tenant}/referrals': () => ({ params: { tenant: B } }),
  'get /api/t/{tenant}/referrals/{id}': (ids: Ids) => ({ params: rIds(ids) }),
  'post /api/t/{tenant}/referrals': (ids: Ids) => ({
    params: { tenant: B },
    body: { needId: ids.need, targetKind: 'resource', targetId: ids.resource },
  }),
  'post /api/t/{tenant}/referrals/{id}/status': (ids: Ids) => ({
    params: rIds(ids),
    body: { status: 'contacted', version: 1 },
  }),
  'post /api/t/{tenant}/referrals/{id}/notes': (ids: Ids) => ({
    params: rIds(ids),
    body: { note: '乗っ取り', version: 1 },
  }),
  'patch /api/t/{tenant}/referrals/{id}': (ids: Ids) => ({
    params: rIds(ids),
    body: { summary: '書き換え', version: 1 },
  }),
  'get /api/t/{tenant}/today': () => ({ params: { tenant: B } }),
  'get /api/t/{tenant}/referral-stats': () => ({ params: { tenant: B } }),
  'get /api/t/{tenant}/referral-stats/export': () => ({ params: { tenant: B } }),
  'get /api/t/{tenant}/opportunities': () => ({ params: { tenant: B } }),
  'get /api/t/{tenant}/opportunities/{id}': (ids: Ids) => ({ params: { tenant: B, id: ids.opportunity } }),
  'post /api/t/{tenant}/opportunities': (ids: Ids) => ({ params: { tenant: B }, body: opportunityBody(ids) }),
  'patch /api/t/{tenant}/opportunities/{id}': (ids: Ids) => ({
    params: { tenant: B, id: ids.opportunity },
    body: { ...opportunityBody(ids), version: 1 },
  }),
  'get /api/t/{tenant}/opportunities/{id}/candidates': (ids: Ids) => ({
    params: { tenant: B, id: ids.opportunity },
  }),
});

// 養成講座: a course held in 中央圏域, with a session and a participant.
const courseIds = (ids: Ids) => ({ tenant: B, id: ids.course });
Object.assign(fixtures, {
  'get /api/t/{tenant}/courses': () => ({ params: { tenant: B } }),
  'post /api/t/{tenant}/courses': (ids: Ids) => ({
    params: { tenant: B },
    body: { kind: 'other', title: '乗っ取り講座', fiscalYear: 2026, areaId: ids.central },
  }),
  'get /api/t/{tenant}/courses/{id}': (ids: Ids) => ({ params: courseIds(ids) }),
  'patch /api/t/{tenant}/courses/{id}': (ids: Ids) => ({
    params: courseIds(ids),
    body: { kind: 'other', title: '書き換え', fiscalYear: 2026, areaId: ids.central, version: 1 },
  }),
  'post /api/t/{tenant}/courses/{id}/sessions': (ids: Ids) => ({
    params: courseIds(ids),
    body: { on: '2026-10-01', version: 1 },
  }),
  'patch /api/t/{tenant}/courses/{id}/sessions/{sessionId}': (ids: Ids) => ({
    params: { ...courseIds(ids), sessionId: ids.session },
    body: { on: '2026-10-02', version: 1 },
  }),
  'delete /api/t/{tenant}/courses/{id}/sessions/{sessionId}': (ids: Ids) => ({
    params: { ...courseIds(ids), sessionId: ids.session },
    query: { version: '1' },
  }),
  'post /api/t/{tenant}/courses/{id}/participants': (ids: Ids) => ({
    params: courseIds(ids),
    body: { name: '乗っ取り', version: 1 },
  }),
  'delete /api/t/{tenant}/courses/{id}/participants/{participantId}': (ids: Ids) => ({
    params: { ...courseIds(ids), participantId: ids.participant },
    query: { version: '1' },
  }),
  'put /api/t/{tenant}/courses/{id}/sessions/{sessionId}/attendance': (ids: Ids) => ({
    params: { ...courseIds(ids), sessionId: ids.session },
    body: { participantIds: [ids.participant], version: 1 },
  }),
  'post /api/t/{tenant}/courses/{id}/participants/{participantId}/helper': (ids: Ids) => ({
    params: { ...courseIds(ids), participantId: ids.participant },
    body: { version: 1 },
  }),
  'get /api/t/{tenant}/courses/{id}/completions/export': (ids: Ids) => ({
    params: courseIds(ids),
    query: { format: 'xlsx' },
  }),
});

// ボランティアポイント: the scheme, a pending activity and a posted transaction of the 本町 helper.
const schemeIds = (ids: Ids) => ({ tenant: B, id: ids.scheme });
const pointActivityBody = (ids: Ids) => ({
  schemeId: ids.scheme,
  helperId: ids.helper,
  on: '2026-10-01',
  kind: 'salon',
});
Object.assign(fixtures, {
  'get /api/t/{tenant}/point-schemes': () => ({ params: { tenant: B } }),
  'post /api/t/{tenant}/point-schemes': () => ({
    params: { tenant: B },
    body: { name: '乗っ取りポイント', pointsPerHour: 1000 },
  }),
  'patch /api/t/{tenant}/point-schemes/{id}': (ids: Ids) => ({
    params: schemeIds(ids),
    body: { name: '書き換え', pointsPerHour: 1000, version: 1 },
  }),
  'get /api/t/{tenant}/point-schemes/{id}/summary': (ids: Ids) => ({ params: schemeIds(ids) }),
  'get /api/t/{tenant}/point-activities': () => ({ params: { tenant: B } }),
  'post /api/t/{tenant}/point-activities': (ids: Ids) => ({
    params: { tenant: B },
    body: pointActivityBody(ids),
  }),
  'patch /api/t/{tenant}/point-activities/{id}': (ids: Ids) => ({
    params: { tenant: B, id: ids.pointActivity },
    body: { ...pointActivityBody(ids), kind: null, minutes: 600, version: 1 },
  }),
  'post /api/t/{tenant}/point-activities/{id}/confirm': (ids: Ids) => ({
    params: { tenant: B, id: ids.pointActivity },
    body: { version: 1 },
  }),
  'post /api/t/{tenant}/point-activities/{id}/return': (ids: Ids) => ({
    params: { tenant: B, id: ids.pointActivity },
    body: { version: 1, reason: '乗っ取り' },
  }),
  'get /api/t/{tenant}/point-schemes/{id}/balances': (ids: Ids) => ({ params: schemeIds(ids) }),
  'get /api/t/{tenant}/point-schemes/{id}/members/{helperId}/statement': (ids: Ids) => ({
    params: { ...schemeIds(ids), helperId: ids.helper },
  }),
  'get /api/t/{tenant}/point-schemes/{id}/members/{helperId}/statement/export': (ids: Ids) => ({
    params: { ...schemeIds(ids), helperId: ids.helper },
    query: { format: 'xlsx' },
  }),
  'post /api/t/{tenant}/point-schemes/{id}/members/{helperId}/redemptions': (ids: Ids) => ({
    params: { ...schemeIds(ids), helperId: ids.helper },
    body: { points: 1 },
  }),
  'post /api/t/{tenant}/point-transactions/{id}/corrections': (ids: Ids) => ({
    params: { tenant: B, id: ids.transaction },
    body: { points: 100, reason: '乗っ取り' },
  }),
  'get /api/t/{tenant}/point-schemes/{id}/year-end': (ids: Ids) => ({
    params: schemeIds(ids),
    query: { fy: '2026' },
  }),
  'post /api/t/{tenant}/point-schemes/{id}/year-end': (ids: Ids) => ({
    params: schemeIds(ids),
    body: { fiscalYear: 2026, expectedPoints: 100 },
  }),
  'get /api/t/{tenant}/point-schemes/{id}/year-end/export': (ids: Ids) => ({
    params: schemeIds(ids),
    query: { fy: '2026' },
  }),
});

function needBody(ids: Ids) {
  return { category: 'kaimono', areaId: ids.honmachi, source: 'salon' };
}
function residentBody(ids: Ids) {
  return { name: '本町 花子', kana: 'ほんまち はなこ', areaId: ids.honmachi };
}

const key = (r: { endpoint: { method: string; path: string } }) => `${r.endpoint.method} ${r.endpoint.path}`;

let t: TestApp;
let ids: Ids;
let outsider: TestClient;
let readerB: TestClient;
let sc2B: TestClient;
let staffB: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  await t.f.buildTenant(A);
  await t.f.buildTenant(B);
  const root = await t.f.rootArea(B);
  const north = await t.f.buildArea(B, { name: '北部圏域', parentId: root.id, layer: 2 });
  const central = await t.f.buildArea(B, { name: '中央圏域', parentId: root.id, layer: 2 });
  const honmachi = await t.f.buildArea(B, {
    name: '本町地区',
    parentId: central.id,
    layer: 3,
    townNames: ['本町'],
  });
  const staff = await t.f.buildUser({ tenant: B, role: 'insurer_staff' });
  const member = await t.f.buildUser({ tenant: B, role: 'sc1' });
  staffB = t.client();
  await staffB.login(staff.email);
  const imp = await staffB.post(`/api/t/${B}/population-imports?fileName=x.csv`, csv);
  const inv = await staffB.post(`/api/t/${B}/invitations`, { email: 'pending@test.example', role: 'sc1' });
  const org = await staffB.post(`/api/t/${B}/organizations`, { name: '本町町内会', kind: '町内会・自治会' });
  const resource = await staffB.post(`/api/t/${B}/resources`, {
    name: '本町サロン',
    kind: 'informal',
    categories: ['ibasho'],
    organizationId: org.body.id,
    location: { name: '本町会館', address: '本町1', areaId: honmachi.id },
  });
  const resourceImport = await staffB.post(`/api/t/${B}/resource-imports?fileName=r.csv`, resourceCsv);
  const resident = await staffB.post(`/api/t/${B}/residents`, {
    name: '本町 太郎',
    kana: 'ほんまち たろう',
    areaId: honmachi.id,
  });
  const need = await staffB.post(`/api/t/${B}/needs`, {
    category: 'kaimono',
    areaId: honmachi.id,
    source: 'visit',
    residentId: resident.body.id,
    summary: '買い物に行けない',
  });
  const survey = await staffB.post(`/api/t/${B}/surveys`, {
    title: '令和8年度 基本チェックリスト',
    instrument: 'kihon-checklist',
    fiscalYear: 2026,
  });
  const response = await staffB.post(`/api/t/${B}/surveys/${survey.body.id}/responses`, {
    respondentNo: '0001',
    areaId: honmachi.id,
    answers: { kc01: '1', kc16: '1' },
  });
  const surveyImport = await staffB.post(
    `/api/t/${B}/surveys/${survey.body.id}/imports?fileName=s.csv`,
    new TextEncoder().encode('調査票番号,No.1\n0002,0\n'),
  );
  // A 第2層 協議体 of 中央圏域 with a seat, a 部会, a meeting, a task, a project and a trial, and an
  // activity in 本町: all outside the 第2層 SC's 北部圏域.
  const person = await staffB.post(`/api/t/${B}/people`, { name: '本町 会長', areaId: honmachi.id });
  const council = await staffB.post(`/api/t/${B}/councils`, {
    name: '中央圏域協議体',
    layer: 2,
    areaId: central.id,
  });
  const seat = await staffB.post(`/api/t/${B}/councils/${council.body.id}/members`, {
    personId: person.body.id,
    role: 'chair',
  });
  const group = await staffB.post(`/api/t/${B}/councils/${council.body.id}/groups`, { name: '移動部会' });
  const meeting = await staffB.post(`/api/t/${B}/councils/${council.body.id}/meetings`, {
    heldOn: '2026-11-10',
  });
  const project = await staffB.post(`/api/t/${B}/projects`, {
    councilId: council.body.id,
    name: '移動支援の試行',
    fiscalYear: 2026,
  });
  const trial = await staffB.post(`/api/t/${B}/projects/${project.body.id}/trials`, {
    triedOn: '2026-11-01',
    what: '乗り合いの試行',
  });
  const task = await staffB.post(`/api/t/${B}/tasks`, {
    title: '送迎の協力者を探す',
    ownerUserId: staff.id,
    dueOn: '2026-12-10',
    meetingId: meeting.body.id,
    agendaItemId: meeting.body.items[0].id,
  });
  const activity = await staffB.post(`/api/t/${B}/activities`, {
    minutes: 60,
    type: 'visit',
    layer: 2,
    functions: ['f1'],
    areaIds: [honmachi.id],
    summary: '本町会館のサロン',
  });
  const helper = await staffB.post(`/api/t/${B}/helpers`, {
    name: '本町 手伝い',
    homeAreaId: honmachi.id,
    skills: ['kaimono-daikou'],
    consent: { on: '2026-04-01' },
  });
  const referral = await staffB.post(`/api/t/${B}/referrals`, {
    needId: need.body.id,
    targetKind: 'helper',
    targetId: helper.body.id,
  });
  const opportunity = await staffB.post(`/api/t/${B}/opportunities`, {
    title: '本町公園の清掃',
    kinds: ['seisou'],
    areaIds: [honmachi.id],
  });
  const training = await staffB.post(`/api/t/${B}/helpers/${helper.body.id}/trainings`, {
    kind: 'ninchisho-supporter',
    completedOn: '2026-04-01',
  });
  let course = await staffB.post(`/api/t/${B}/courses`, {
    kind: 'ninchisho-supporter',
    title: '認知症サポーター養成講座',
    fiscalYear: 2026,
    areaId: central.id,
  });
  course = await staffB.post(`/api/t/${B}/courses/${course.body.course.id}/sessions`, {
    version: course.body.course.version,
    on: '2026-10-01',
  });
  course = await staffB.post(`/api/t/${B}/courses/${course.body.course.id}/participants`, {
    version: course.body.course.version,
    name: '本町 一郎',
  });
  const scheme = await staffB.post(`/api/t/${B}/point-schemes`, {
    name: '本町ポイント',
    activityKinds: [{ code: 'salon', label: 'サロンのお手伝い', points: 100 }],
  });
  const pointActivity = await staffB.post(`/api/t/${B}/point-activities`, {
    schemeId: scheme.body.id,
    helperId: helper.body.id,
    on: '2026-10-01',
    kind: 'salon',
  });
  const posted = await staffB.post(`/api/t/${B}/point-activities`, {
    schemeId: scheme.body.id,
    helperId: helper.body.id,
    on: '2026-10-02',
    kind: 'salon',
    hostConfirmation: { by: '本町サロン', on: '2026-10-02' },
  });
  ids = {
    helper: helper.body.id,
    training: training.body.trainings[0].id,
    course: course.body.course.id,
    session: course.body.sessions[0].id,
    participant: course.body.participants[0].id,
    scheme: scheme.body.id,
    pointActivity: pointActivity.body.activity.id,
    transaction: posted.body.activity.transactionId,
    referral: referral.body.id,
    opportunity: opportunity.body.id,
    resource: resource.body.id,
    organization: org.body.id,
    resourceImport: resourceImport.body.id,
    root: root.id,
    north: north.id,
    central: central.id,
    honmachi: honmachi.id,
    importId: imp.body.id,
    invitationId: inv.body.invitation.id,
    memberId: member.id,
    token: inv.body.token,
    need: need.body.id,
    resident: resident.body.id,
    survey: survey.body.id,
    response: response.body.id,
    surveyImport: surveyImport.body.id,
    person: person.body.id,
    council: council.body.id,
    seat: seat.body.id,
    group: group.body.id,
    meeting: meeting.body.id,
    item: meeting.body.items[0].id,
    task: task.body.id,
    project: project.body.id,
    trial: trial.body.id,
    activity: activity.body.id,
    staffUser: staff.id,
  };
  outsider = t.client();
  await outsider.login((await t.f.buildUser({ tenant: A, role: 'insurer_staff' })).email);
  readerB = t.client();
  await readerB.login((await t.f.buildUser({ tenant: B, role: 'reader' })).email);
  sc2B = t.client();
  await sc2B.login((await t.f.buildUser({ tenant: B, role: 'sc2', areaIds: [north.id] })).email);
});
afterAll(() => t.close());

function send(client: TestClient, route: (typeof allRoutes)[number]) {
  const fixture = fixtures[key(route)]!(ids);
  const path = buildPath(route.endpoint.path, fixture.params);
  const query = fixture.query ? `?${new URLSearchParams(fixture.query)}` : '';
  return client.request(route.endpoint.method.toUpperCase(), path + query, fixture.body);
}

const tenantRoutes = () => allRoutes.filter((r) => r.endpoint.access === 'tenant');
const writes = () => tenantRoutes().filter((r) => r.endpoint.method !== 'get');

describe('every route', () => {
  it('is served through a contract (nothing under /api is mounted by hand)', () => {
    const declared = new Set(
      allRoutes.map(
        (r) => `${r.endpoint.method.toUpperCase()} ${r.endpoint.path.replace(/\{(\w+)\}/g, ':$1')}`,
      ),
    );
    const handMade = new Set([
      'GET /api/health',
      'GET /api/openapi.json',
      'GET /api/docs',
      'GET /api/docs/init.js',
    ]);
    const served = t.app.routes
      .filter(
        (r) => r.path.startsWith('/api/') && r.method !== 'ALL' && !r.path.startsWith('/api/docs/swagger'),
      )
      .map((r) => `${r.method} ${r.path}`)
      .filter((r) => !handMade.has(r));
    expect(served.filter((r) => !declared.has(r))).toEqual([]);
  });

  it('has an access fixture here', () => {
    expect(allRoutes.map(key).filter((k) => !fixtures[k])).toEqual([]);
  });

  it('refuses anonymous callers unless it is public', async () => {
    for (const r of allRoutes.filter((r) => r.endpoint.access !== 'public')) {
      const res = await send(t.client(), r);
      expect(res.status, key(r)).toBe(401);
    }
  });
});

describe('another tenant’s staff', () => {
  it('get 404 from every tenant route of B, as if nothing were there', async () => {
    for (const r of tenantRoutes()) {
      const res = await send(outsider, r);
      expect(res.status, key(r)).toBe(404);
      expect(res.body.error.code, key(r)).toBe('not_found');
    }
  });

  it('get 404 for B’s ids even through their own tenant’s paths', async () => {
    const own = (p: string) => outsider.get(p.replace(`/t/${B}/`, `/t/${A}/`));
    expect((await own(`/api/t/${B}/areas/${ids.central}`)).status).toBe(404);
    expect((await own(`/api/t/${B}/population-imports/${ids.importId}`)).status).toBe(404);
    const patch = await outsider.patch(`/api/t/${A}/areas/${ids.central}`, {
      ...areaBody(ids),
      parentId: null,
      version: 1,
    });
    expect(patch.status).toBe(404);
    expect((await outsider.delete(`/api/t/${A}/invitations/${ids.invitationId}`)).status).toBe(404);
  });
});

describe('inside B', () => {
  it('a 閲覧者 changes nothing', async () => {
    for (const r of writes()) {
      const res = await send(readerB, r);
      expect(res.status, key(r)).toBe(403);
    }
  });

  it('a 第2層 SC changes nothing outside her 圏域 (and nothing tenant-wide)', async () => {
    // Recording a new 主体 (her area's 町内会) touches no area and changes nothing that exists.
    const allowed = new Set(['post /api/t/{tenant}/organizations']);
    for (const r of writes().filter((r) => allowed.has(key(r))))
      expect((await send(sc2B, r)).status, key(r)).toBe(201);
    for (const r of writes().filter((r) => !allowed.has(key(r)))) {
      const res = await send(sc2B, r);
      expect(res.status, key(r)).toBe(403);
      expect(res.body.error.message, key(r)).toMatch(/[ぁ-ん]/);
    }
  });

  it('only a system administrator registers tenants', async () => {
    const res = await staffB.post('/api/tenants', { code: '01100' });
    expect(res.status).toBe(403);
  });

  it('and after all those attempts B is unchanged', async () => {
    const central = await staffB.get(`/api/t/${B}/areas/${ids.central}`);
    expect(central.body.area).toMatchObject({ name: '中央圏域', version: 1, hasBoundary: false });
    expect(central.body.snapshots).toEqual([]);
    const members = await staffB.get(`/api/t/${B}/members`);
    expect(members.body.members.find((m: { userId: string }) => m.userId === ids.memberId).role).toBe('sc1');
    const invitations = await staffB.get(`/api/t/${B}/invitations`);
    expect(invitations.body.invitations.map((i: { email: string }) => i.email)).toEqual([
      'pending@test.example',
    ]);
    expect((await staffB.get(`/api/t/${B}/population-imports/${ids.importId}`)).body.status).toBe(
      'previewed',
    );
    const need = await staffB.get(`/api/t/${B}/needs/${ids.need}`);
    expect(need.body.need).toMatchObject({ summary: '買い物に行けない', status: 'new', version: 1 });
    expect(need.body.need.residentName).toBe('本町 太郎');
    const resident = await staffB.get(`/api/t/${B}/residents/${ids.resident}`);
    expect(resident.body.resident).toMatchObject({ name: '本町 太郎', version: 1 });
    expect((await staffB.get(`/api/t/${B}/residents`)).body.total).toBe(1);
    const helper = await staffB.get(`/api/t/${B}/helpers/${ids.helper}`);
    expect(helper.body.helper).toMatchObject({ name: '本町 手伝い', version: 1 });
    expect(helper.body.helper.trainings).toHaveLength(1);
    const course = await staffB.get(`/api/t/${B}/courses/${ids.course}`);
    expect(course.body.course).toMatchObject({ title: '認知症サポーター養成講座', version: 3, sessions: 1 });
    expect(
      course.body.participants.map((p: { name: string; attended: string[] }) => [p.name, p.attended]),
    ).toEqual([['本町 一郎', []]]);
    const schemes = await staffB.get(`/api/t/${B}/point-schemes`);
    expect(schemes.body.schemes.map((x: { name: string; version: number }) => [x.name, x.version])).toEqual([
      ['本町ポイント', 1],
    ]);
    const pending = await staffB.get(`/api/t/${B}/point-activities?status=pending`);
    expect(pending.body.items.map((a: { id: string; version: number }) => [a.id, a.version])).toEqual([
      [ids.pointActivity, 1],
    ]);
    const balances = await staffB.get(`/api/t/${B}/point-schemes/${ids.scheme}/balances`);
    expect(balances.body.items.map((b: { name: string; balance: number }) => [b.name, b.balance])).toEqual([
      ['本町 手伝い', 100],
    ]);
    const referral = await staffB.get(`/api/t/${B}/referrals/${ids.referral}`);
    expect(referral.body.referral).toMatchObject({ status: 'proposed', summary: '', version: 1 });
    expect(referral.body.events).toHaveLength(1);
    expect((await staffB.get(`/api/t/${B}/referrals`)).body.total).toBe(1);
    const opportunity = await staffB.get(`/api/t/${B}/opportunities/${ids.opportunity}`);
    expect(opportunity.body.opportunity).toMatchObject({ title: '本町公園の清掃', version: 1 });
    const survey = await staffB.get(`/api/t/${B}/surveys/${ids.survey}`);
    expect(survey.body.survey).toMatchObject({
      title: '令和8年度 基本チェックリスト',
      version: 1,
      responses: 1,
    });
    const council = await staffB.get(`/api/t/${B}/councils/${ids.council}`);
    expect(council.body.council).toMatchObject({ name: '中央圏域協議体', archived: false, version: 1 });
    expect(council.body.members.map((m: { role: string; version: number }) => [m.role, m.version])).toEqual([
      ['chair', 1],
    ]);
    expect(council.body.groups.map((g: { name: string }) => g.name)).toEqual(['移動部会']);
    const meeting = await staffB.get(`/api/t/${B}/meetings/${ids.meeting}`);
    expect(meeting.body).toMatchObject({ heldOn: '2026-11-10', status: 'planned', version: 1 });
    expect(meeting.body.items).toHaveLength(6);
    expect(meeting.body.items[0]).toMatchObject({ title: '地域課題の提示', ideas: [], version: 1 });
    const project = await staffB.get(`/api/t/${B}/projects/${ids.project}`);
    expect(project.body).toMatchObject({ name: '移動支援の試行', version: 1, developed: [] });
    expect(project.body.trialList.map((t: { what: string }) => t.what)).toEqual(['乗り合いの試行']);
    const tasks = await staffB.get(`/api/t/${B}/tasks?owner=all&status=all`);
    expect(tasks.body.items.map((t: { title: string; status: string }) => [t.title, t.status])).toEqual([
      ['送迎の協力者を探す', 'open'],
    ]);
    const activity = await staffB.get(`/api/t/${B}/activities/${ids.activity}`);
    expect(activity.body).toMatchObject({ summary: '本町会館のサロン', version: 1 });
    expect((await staffB.get(`/api/t/${B}/activities`)).body.total).toBe(1);
    expect((await staffB.get(`/api/t/${B}/people`)).body.items.map((p: { name: string }) => p.name)).toEqual([
      '本町 会長',
    ]);
  });
});
