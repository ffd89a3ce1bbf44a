import { CourseInput } from '../../../contracts/helpers-courses';
import { addDays, fiscalYearOf, todayInTokyo } from '../../../domain/dates';
import type { TenantContext } from '../../core/context';
import { addParticipant, addSession, createCourse, setAttendance } from '../../modules/helpers';

/*
 * The demo town's 養成講座: a 認知症サポーター養成講座 of one session (town-wide) and a
 * 生活支援サポーター養成講座 of three sessions in 北部圏域, with people not yet registered as helpers
 * among the participants and one who missed a session (so not 修了).
 */

const GUESTS = [
  { name: '峰野 ミツ', kana: 'みねの みつ', phone: '0126-50-2201' },
  { name: '桜台 健', kana: 'さくらだい けん', phone: '0126-50-2202' },
  { name: '川上 サチ', kana: 'かわかみ さち', phone: '0126-50-2203' },
];

export async function seedDemoCourses(
  ctx: TenantContext,
  now: () => Date,
  helperIds: readonly string[],
  northAreaId: string,
) {
  const today = todayInTokyo(now());
  const fiscalYear = fiscalYearOf(today);

  let d = await createCourse(
    ctx,
    CourseInput.parse({
      kind: 'ninchisho-supporter',
      title: '認知症サポーター養成講座',
      fiscalYear,
      place: 'ささえ町保健センター',
      capacity: 30,
      note: '講師：キャラバン・メイト（地域包括支援センター）',
    }),
  );
  d = await addSession(ctx, d.course.id, {
    version: d.course.version,
    on: addDays(today, -40),
    startsAt: '13:30',
    endsAt: '15:00',
    place: 'ささえ町保健センター 2階',
    content: '認知症を知る・認知症の人への接し方（寸劇）',
  });
  for (const helperId of helperIds.slice(3, 7))
    d = await addParticipant(ctx, d.course.id, {
      version: d.course.version,
      helperId,
      name: '',
      kana: '',
      phone: '',
    });
  for (const g of GUESTS.slice(0, 2))
    d = await addParticipant(ctx, d.course.id, { version: d.course.version, helperId: null, ...g });
  d = await setAttendance(ctx, d.course.id, d.sessions[0]!.id, {
    version: d.course.version,
    participantIds: d.participants.map((p) => p.id),
  });

  let s = await createCourse(
    ctx,
    CourseInput.parse({
      kind: 'seikatsu-supporter',
      title: '生活支援サポーター養成講座（全3回）',
      fiscalYear,
      place: '北部コミュニティセンター',
      capacity: 20,
      areaId: northAreaId,
    }),
  );
  const sessions = [
    { days: 60, content: '地域で支え合うとは（生活支援コーディネーター）' },
    { days: 53, content: '高齢者の体と心・介護予防（保健師）' },
    { days: 46, content: 'ちょい加勢の実習・活動先の紹介' },
  ];
  for (const x of sessions)
    s = await addSession(ctx, s.course.id, {
      version: s.course.version,
      on: addDays(today, -x.days),
      startsAt: '10:00',
      endsAt: '12:00',
      place: '北部コミュニティセンター 和室',
      content: x.content,
    });
  for (const helperId of helperIds.slice(0, 3))
    s = await addParticipant(ctx, s.course.id, {
      version: s.course.version,
      helperId,
      name: '',
      kana: '',
      phone: '',
    });
  s = await addParticipant(ctx, s.course.id, { version: s.course.version, helperId: null, ...GUESTS[2]! });
  const everyone = s.participants.map((p) => p.id);
  // One member missed the second session: everyone else completes.
  const missed = s.participants.find((p) => p.helperId === helperIds[1])?.id;
  for (const [i, session] of s.sessions.entries())
    s = await setAttendance(ctx, s.course.id, session.id, {
      version: s.course.version,
      participantIds: i === 1 ? everyone.filter((p) => p !== missed) : everyone,
    });
  return [d.course.id, s.course.id];
}
