import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Archive, CalendarPlus, Download, Plus, Trash2 } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  addMember,
  archiveCouncil,
  type Council,
  councilCalendarFeed,
  createGroup,
  createPerson,
  deleteCouncil,
  type Member,
  type MemberInput,
  updateCouncil,
  updateMember,
} from '../../../contracts/councils';
import {
  AGENDA_STEPS,
  type AgendaStep,
  MEMBER_ROLES,
  memberRoleLabel,
  termProblem,
} from '../../../domain/councils';
import { fiscalYearLabel, fiscalYearOf, formatWareki, todayInTokyo } from '../../../domain/dates';
import { api, endpointUrl } from '../../lib/api';
import { errorFor, type FormErrors, formErrors, NO_ERRORS } from '../../lib/form';
import { useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Button, buttonClass } from '../../ui/button';
import { ErrorSummary } from '../../ui/error-summary';
import { Checkbox, SelectField, TextField } from '../../ui/field';
import { FiscalYearSelect } from '../../ui/fiscal-year-select';
import { Breadcrumb, PageHeader } from '../../ui/page';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { TableScroll } from '../../ui/table-scroll';
import { LayerBadge, MeetingStatusBadge, meetingNumber, meetingWhen, recentYears, toggled } from './format';
import { councilPaths } from './paths';
import { invalidateCouncils, useCouncil, usePeople } from './queries';

/** /councils/:id — a council: purpose, meetings of the 年度, seats, 部会, projects, agenda template. */
export function CouncilPage({ id }: { id: string }) {
  const scope = useTenantScope();
  const [fy, setFy] = useState(() => fiscalYearOf(todayInTokyo()));
  const detail = useCouncil(scope.code, id, fy);
  usePageTitle(detail.data?.council.name ?? '協議体');
  const crumbs = (
    <Breadcrumb
      items={[
        { label: '協議体', to: councilPaths.councils(scope.code) },
        { label: detail.data?.council.name ?? '' },
      ]}
      renderLink={(to, label) => <Link to={to}>{label}</Link>}
    />
  );
  if (detail.isPending) return <Loading />;
  if (detail.isError)
    return (
      <>
        {crumbs}
        <ErrorNotice error={detail.error} />
      </>
    );
  const { council, members, groups, meetings, projects } = detail.data;
  const edit = council.canEdit;
  return (
    <>
      {crumbs}
      <PageHeader
        title={
          <>
            {council.name} <LayerBadge layer={council.layer} />
          </>
        }
        lead={`${council.areaName}・担当のSC：${council.scName ?? '未定'}${council.archived ? '（アーカイブ）' : ''}`}
        actions={
          <>
            {edit && !council.archived && (
              <Link className={buttonClass()} to={councilPaths.meetingNew(scope.code, council.id)}>
                <CalendarPlus aria-hidden="true" size={18} />
                会議を準備する
              </Link>
            )}
            <a
              className={buttonClass('secondary')}
              href={endpointUrl(councilCalendarFeed, { params: { tenant: scope.code, id: council.id } })}
              download
            >
              <Download aria-hidden="true" size={18} />
              会議の予定（ICS）
            </a>
          </>
        }
      />
      {council.purpose && <p className="council-purpose">{council.purpose}</p>}

      <section aria-labelledby="meetings-title" className="council-section">
        <div className="section-head">
          <h2 id="meetings-title">会議（{fiscalYearLabel(fy)}）</h2>
          <FiscalYearSelect id="council-fy" value={fy} years={recentYears(0)} onChange={setFy} />
        </div>
        {meetings.length === 0 ? (
          <p className="muted">この年度の会議はまだありません。</p>
        ) : (
          <TableScroll label="会議の一覧">
            <table className="table">
              <caption className="visually-hidden">会議（{fiscalYearLabel(fy)}）</caption>
              <thead>
                <tr>
                  <th scope="col">回</th>
                  <th scope="col">日時</th>
                  <th scope="col">主なテーマ</th>
                  <th scope="col">状況</th>
                  <th scope="col" className="num">
                    出席
                  </th>
                </tr>
              </thead>
              <tbody>
                {meetings.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">
                      <Link className="tree-link" to={councilPaths.meeting(scope.code, m.id)}>
                        {meetingNumber(m)}
                      </Link>
                    </th>
                    <td>{meetingWhen(m)}</td>
                    <td className="wrap">{m.theme || '—'}</td>
                    <td>
                      <MeetingStatusBadge status={m.status} />
                    </td>
                    <td className="num">{m.status === 'held' ? `${m.attendees + m.guests}人` : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <MembersSection council={council} members={members} />

      <section aria-labelledby="groups-title" className="council-section">
        <h2 id="groups-title">部会</h2>
        {groups.length === 0 ? (
          <p className="muted">部会はありません。</p>
        ) : (
          <ul className="council-cards">
            {groups.map((g) => (
              <li key={g.id} className="panel">
                <h3>
                  {g.name}
                  {g.archived && <span className="muted">（活動を終えた）</span>}
                </h3>
                {g.theme && <p>{g.theme}</p>}
                <p className="muted">
                  {g.memberIds
                    .map((mid) => members.find((m) => m.id === mid))
                    .map((m) => m?.personName ?? m?.organizationName)
                    .filter(Boolean)
                    .join('、') || '委員はまだいません'}
                </p>
              </li>
            ))}
          </ul>
        )}
        {edit && <GroupForm council={council} members={members} />}
      </section>

      <section aria-labelledby="projects-title" className="council-section">
        <h2 id="projects-title">プロジェクト（{fiscalYearLabel(fy)}）</h2>
        {projects.length === 0 ? (
          <p className="muted">この年度のプロジェクトはありません。</p>
        ) : (
          <ul className="inline-list">
            {projects.map((p) => (
              <li key={p.id}>
                <Link to={councilPaths.project(scope.code, p.id)}>{p.name}</Link>
                <span className="muted">
                  {' '}
                  {p.groupName ? `（${p.groupName}）` : ''}・試行{p.trials}回
                </span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to={councilPaths.projects(scope.code)}>プロジェクトの一覧と成果報告会の資料へ</Link>
        </p>
      </section>

      <TemplateSection council={council} />
      {edit && <ArchiveSection council={council} />}
    </>
  );
}

function MembersSection({ council, members }: { council: Council; members: Member[] }) {
  const [editing, setEditing] = useState<Member | 'new' | null>(null);
  const current = members.filter((m) => m.current);
  return (
    <section aria-labelledby="members-title" className="council-section">
      <h2 id="members-title">委員（現任{current.length}人）</h2>
      <TableScroll label="委員の一覧">
        <table className="table">
          <caption className="visually-hidden">委員</caption>
          <thead>
            <tr>
              <th scope="col">役職</th>
              <th scope="col">氏名</th>
              <th scope="col">所属</th>
              <th scope="col">種類</th>
              <th scope="col">任期（辞令）</th>
              {council.canEdit && <th scope="col">変更</th>}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id} className={m.current ? undefined : 'retired'}>
                <td>
                  {memberRoleLabel(m.role)}
                  {!m.current && '（退任）'}
                </td>
                <th scope="row">{m.personName ?? '—'}</th>
                <td className="wrap">{m.organizationName ?? '—'}</td>
                <td>{m.actorKind || '—'}</td>
                <td>
                  {m.termStart ? formatWareki(m.termStart) : ''}〜{m.termEnd ? formatWareki(m.termEnd) : ''}
                </td>
                {council.canEdit && (
                  <td>
                    <button
                      type="button"
                      className={buttonClass('quiet', true)}
                      onClick={() => setEditing(m)}
                    >
                      変更<span className="visually-hidden">（{m.personName ?? m.organizationName}）</span>
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {council.canEdit && editing === null && (
        <Button
          variant="secondary"
          icon={<Plus aria-hidden="true" size={18} />}
          onClick={() => setEditing('new')}
        >
          委員を加える
        </Button>
      )}
      {editing !== null && (
        <MemberForm
          key={editing === 'new' ? 'new' : editing.id}
          council={council}
          member={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      )}
    </section>
  );
}

const MEMBER_FORM = 'member';

function MemberForm({
  council,
  member,
  onDone,
}: {
  council: Council;
  member: Member | null;
  onDone: () => void;
}) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const people = usePeople(scope.code);
  const [values, setValues] = useState({
    personId: member?.personId ?? '',
    newName: '',
    newKind: '',
    role: member?.role ?? 'member',
    termStart: member?.termStart ?? '',
    termEnd: member?.termEnd ?? '',
  });
  const [local, setLocal] = useState<FormErrors>(NO_ERRORS);
  const mutation = useMutation({
    mutationFn: async () => {
      let personId = values.personId || null;
      if (!personId && values.newName.trim()) {
        personId = (
          await api(createPerson, {
            params: { tenant: scope.code },
            body: { name: values.newName, kind: values.newKind },
          })
        ).id;
      }
      const body: MemberInput = {
        personId,
        organizationId: member?.organizationId && !member.personId ? member.organizationId : null,
        role: values.role,
        termStart: values.termStart || null,
        termEnd: values.termEnd || null,
      };
      return member
        ? api(updateMember, {
            params: { tenant: scope.code, id: council.id, memberId: member.id },
            body: { ...body, version: member.version },
          })
        : api(addMember, { params: { tenant: scope.code, id: council.id }, body });
    },
    onSuccess: async () => {
      await invalidateCouncils(queryClient, scope.code);
      onDone();
    },
  });
  const errors = local.items.length > 0 ? local : mutation.error ? formErrors(mutation.error) : NO_ERRORS;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // The same checks as the server, before anything (a new person) is saved.
    const problems = [];
    if (!member && !values.personId && !values.newName.trim())
      problems.push({
        path: 'personId',
        message: '人：一覧から選ぶか、新しく登録する人の氏名を入れてください',
      });
    const term = termProblem(values.termStart || null, values.termEnd || null);
    if (term) problems.push({ path: 'termEnd', message: `任期の終わり：${term}` });
    setLocal({ message: null, items: problems });
    if (problems.length === 0) mutation.mutate();
  };
  return (
    <form className="panel form-grid" onSubmit={submit} noValidate aria-labelledby="member-form-title">
      <h3 id="member-form-title">
        {member ? `${member.personName ?? member.organizationName}さんの役職・任期` : '委員を加える'}
      </h3>
      <ErrorSummary
        message={errors.message}
        items={errors.items}
        fieldId={(p) =>
          p === 'personId' || p === 'termEnd' || p === 'termStart' ? `${MEMBER_FORM}-${p}` : null
        }
      />
      {!member && (
        <>
          <SelectField
            id={`${MEMBER_FORM}-personId`}
            label="人（関係者）"
            hint="一覧にいない人は、下に名前を入れて登録できます"
            value={values.personId}
            onChange={(e) => setValues({ ...values, personId: e.target.value })}
            error={errorFor(errors, 'personId')}
          >
            <option value="">（新しく登録する）</option>
            {(people.data?.items ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {p.organizationName ? `（${p.organizationName}）` : p.kind ? `（${p.kind}）` : ''}
              </option>
            ))}
          </SelectField>
          {!values.personId && (
            <>
              <TextField
                id={`${MEMBER_FORM}-newName`}
                label="新しく登録する人の氏名"
                value={values.newName}
                onChange={(e) => setValues({ ...values, newName: e.target.value })}
              />
              <TextField
                id={`${MEMBER_FORM}-newKind`}
                label="種類"
                hint="例：民生委員・児童委員、地域おこし協力隊、郵便局"
                value={values.newKind}
                onChange={(e) => setValues({ ...values, newKind: e.target.value })}
              />
            </>
          )}
        </>
      )}
      <SelectField
        id={`${MEMBER_FORM}-role`}
        label="役職"
        value={values.role}
        onChange={(e) => setValues({ ...values, role: e.target.value as Member['role'] })}
      >
        {MEMBER_ROLES.map((r) => (
          <option key={r.code} value={r.code}>
            {r.label}
          </option>
        ))}
      </SelectField>
      <TextField
        id={`${MEMBER_FORM}-termStart`}
        label="任期の始まり（辞令）"
        type="date"
        value={values.termStart}
        onChange={(e) => setValues({ ...values, termStart: e.target.value })}
        error={errorFor(errors, 'termStart')}
      />
      <TextField
        id={`${MEMBER_FORM}-termEnd`}
        label="任期の終わり"
        hint="退任するときは、ここに最後の日を入れます（記録は残ります）"
        type="date"
        value={values.termEnd}
        onChange={(e) => setValues({ ...values, termEnd: e.target.value })}
        error={errorFor(errors, 'termEnd')}
      />
      <div className="button-row">
        <Button type="submit" busy={mutation.isPending} busyLabel="保存しています…">
          保存する
        </Button>
        <Button variant="quiet" onClick={onDone}>
          やめる
        </Button>
      </div>
    </form>
  );
}

function GroupForm({ council, members }: { council: Council; members: Member[] }) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState({ name: '', theme: '', memberIds: [] as string[] });
  const mutation = useMutation({
    mutationFn: () =>
      api(createGroup, {
        params: { tenant: scope.code, id: council.id },
        body: { ...values, archived: false },
      }),
    onSuccess: async () => {
      await invalidateCouncils(queryClient, scope.code);
      setOpen(false);
      setValues({ name: '', theme: '', memberIds: [] });
    },
  });
  const errors = mutation.error ? formErrors(mutation.error) : NO_ERRORS;
  if (!open)
    return (
      <Button variant="secondary" icon={<Plus aria-hidden="true" size={18} />} onClick={() => setOpen(true)}>
        部会をつくる
      </Button>
    );
  return (
    <form
      className="panel form-grid"
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate();
      }}
      noValidate
      aria-labelledby="group-form-title"
    >
      <h3 id="group-form-title">部会をつくる</h3>
      <ErrorSummary message={errors.message} items={errors.items} />
      <TextField
        label="部会の名前"
        required
        value={values.name}
        onChange={(e) => setValues({ ...values, name: e.target.value })}
        error={errorFor(errors, 'name')}
      />
      <TextField
        label="テーマ"
        value={values.theme}
        onChange={(e) => setValues({ ...values, theme: e.target.value })}
      />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">部会の委員</legend>
        <div className="check-grid">
          {members
            .filter((m) => m.current)
            .map((m) => (
              <Checkbox
                key={m.id}
                label={m.personName ?? m.organizationName ?? ''}
                checked={values.memberIds.includes(m.id)}
                onChange={(e) =>
                  setValues({
                    ...values,
                    memberIds: toggled(values.memberIds, m.id, e.target.checked),
                  })
                }
              />
            ))}
        </div>
      </fieldset>
      <div className="button-row">
        <Button type="submit" busy={mutation.isPending}>
          つくる
        </Button>
        <Button variant="quiet" onClick={() => setOpen(false)}>
          やめる
        </Button>
      </div>
    </form>
  );
}

/** The agenda template: the seeds' six steps by default, each council's own words. */
function TemplateSection({ council }: { council: Council }) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState(council.agendaTemplate);
  const [saved, setSaved] = useState(false);
  const mutation = useMutation({
    mutationFn: () =>
      api(updateCouncil, {
        params: { tenant: scope.code, id: council.id },
        body: {
          name: council.name,
          layer: council.layer,
          areaId: council.areaId,
          purpose: council.purpose,
          scUserId: council.scUserId,
          agendaTemplate: rows,
          version: council.version,
        },
      }),
    onSuccess: async () => {
      setSaved(true);
      await invalidateCouncils(queryClient, scope.code);
    },
  });
  const errors = mutation.error ? formErrors(mutation.error) : NO_ERRORS;
  return (
    <section aria-labelledby="template-title" className="council-section">
      <h2 id="template-title">議事のひな型</h2>
      <p className="muted">
        会議を準備すると、この順に議題が並びます。前回の宿題・継続協議は「情報・意見交換」に自動で入ります。
      </p>
      {!council.canEdit ? (
        <ol>
          {council.agendaTemplate.map((t, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
            <li key={i}>{t.title}</li>
          ))}
        </ol>
      ) : (
        <form
          className="template-form"
          onSubmit={(e) => {
            e.preventDefault();
            setSaved(false);
            mutation.mutate();
          }}
        >
          <ErrorSummary message={errors.message} items={errors.items} />
          <ol className="template-rows">
            {rows.map((t, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
              <li key={i} className="template-row">
                <SelectField
                  label={`${i + 1}番目の段階`}
                  value={t.step}
                  onChange={(e) =>
                    setRows(rows.map((r, k) => (k === i ? { ...r, step: e.target.value as AgendaStep } : r)))
                  }
                >
                  {AGENDA_STEPS.map((s) => (
                    <option key={s.code} value={s.code}>
                      {s.label}
                    </option>
                  ))}
                </SelectField>
                <TextField
                  label={`${i + 1}番目の議題`}
                  value={t.title}
                  onChange={(e) =>
                    setRows(rows.map((r, k) => (k === i ? { ...r, title: e.target.value } : r)))
                  }
                />
                <Button
                  variant="quiet"
                  small
                  onClick={() => setRows(rows.filter((_, k) => k !== i))}
                  disabled={rows.length <= 1}
                >
                  除く<span className="visually-hidden">（{i + 1}番目）</span>
                </Button>
              </li>
            ))}
          </ol>
          <div className="button-row">
            <Button variant="secondary" onClick={() => setRows([...rows, { step: 'exchange', title: '' }])}>
              議題を加える
            </Button>
            <Button type="submit" busy={mutation.isPending}>
              ひな型を保存する
            </Button>
          </div>
          {saved && (
            <p role="status" className="notice notice--success">
              ひな型を保存しました。次に準備する会議から使われます。
            </p>
          )}
        </form>
      )}
    </section>
  );
}

/** Archiving keeps everything; deleting is only for a council entered by mistake. */
function ArchiveSection({ council }: { council: Council }) {
  const scope = useTenantScope();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const archive = useMutation({
    mutationFn: () =>
      api(archiveCouncil, {
        params: { tenant: scope.code, id: council.id },
        body: { archived: !council.archived, version: council.version },
      }),
    onSuccess: () => invalidateCouncils(queryClient, scope.code),
  });
  const remove = useMutation({
    mutationFn: () => api(deleteCouncil, { params: { tenant: scope.code, id: council.id } }),
    onSuccess: async () => {
      await invalidateCouncils(queryClient, scope.code);
      navigate(councilPaths.councils(scope.code));
    },
  });
  return (
    <section aria-labelledby="archive-title" className="council-section">
      <h2 id="archive-title">アーカイブ・削除</h2>
      <p className="muted">
        活動を終えた協議体はアーカイブします。委員・会議・議事録はすべて残り、一覧から外れます。削除できるのは、記録のない協議体（入力の誤り）だけです。
      </p>
      <div className="button-row">
        <Button
          variant="secondary"
          icon={<Archive aria-hidden="true" size={18} />}
          busy={archive.isPending}
          onClick={() => archive.mutate()}
        >
          {council.archived ? 'アーカイブから戻す' : 'アーカイブする'}
        </Button>
        <Button
          variant="danger"
          icon={<Trash2 aria-hidden="true" size={18} />}
          busy={remove.isPending}
          onClick={() => remove.mutate()}
        >
          削除する
        </Button>
      </div>
      {remove.error && (
        <Notice tone="warning" live="alert">
          <p>{remove.error.message}</p>
        </Notice>
      )}
      {archive.error && <ErrorNotice error={archive.error} />}
    </section>
  );
}
