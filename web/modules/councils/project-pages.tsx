import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FileText, Link2, Plus } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  addTrial,
  createProject,
  linkProjectResource,
  type Project,
  ProjectInput,
  projectReport,
  updateProject,
} from '../../../contracts/councils';
import { searchResources } from '../../../contracts/resources';
import { PROJECT_STATUSES, projectStatusLabel } from '../../../domain/councils';
import { fiscalYearLabel, fiscalYearOf, formatWareki, todayInTokyo } from '../../../domain/dates';
import { api, endpointUrl } from '../../lib/api';
import { errorFor, type FormErrors, formErrors, NO_ERRORS, validate } from '../../lib/form';
import { paths } from '../../lib/paths';
import { useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Button, buttonClass } from '../../ui/button';
import { ErrorSummary } from '../../ui/error-summary';
import { SelectField, TextareaField, TextField } from '../../ui/field';
import { FiscalYearSelect } from '../../ui/fiscal-year-select';
import { Breadcrumb, PageHeader } from '../../ui/page';
import { ErrorNotice, Loading } from '../../ui/status';
import { TableScroll } from '../../ui/table-scroll';
import { recentYears } from './format';
import { councilPaths } from './paths';
import { invalidateCouncils, useCouncils, useProject, useProjects } from './queries';

/** /projects — the 年度's projects (PJ) and the 成果報告会 pack. */
export function ProjectListPage() {
  const scope = useTenantScope();
  usePageTitle('プロジェクト');
  const [search, setSearch] = useSearchParams();
  const thisYear = fiscalYearOf(todayInTokyo());
  const fy = Number(search.get('fy')) || thisYear;
  const list = useProjects(scope.code, fy);
  const councils = useCouncils(scope.code);
  const editable = (councils.data?.items ?? []).filter((c) => c.canEdit);
  const [adding, setAdding] = useState(false);
  return (
    <>
      <Breadcrumb
        items={[{ label: '協議体', to: councilPaths.councils(scope.code) }, { label: 'プロジェクト' }]}
        renderLink={(to, label) => <Link to={to}>{label}</Link>}
      />
      <PageHeader
        title="プロジェクト"
        lead="協議体や部会が取り組む課題と年度ゴール、試行と成果。"
        actions={
          <a
            className={buttonClass('secondary')}
            href={endpointUrl(projectReport, { params: { tenant: scope.code }, query: { fy } })}
            download
          >
            <FileText aria-hidden="true" size={18} />
            成果報告会の資料（PDF）
          </a>
        }
      />
      <FiscalYearSelect
        id="projects-fy"
        value={fy}
        years={recentYears(1)}
        onChange={(y) => setSearch({ fy: String(y) }, { replace: true })}
      />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorNotice error={list.error} />
      ) : list.data.items.length === 0 ? (
        <p className="muted">{fiscalYearLabel(fy)}のプロジェクトはありません。</p>
      ) : (
        <TableScroll label="プロジェクトの一覧">
          <table className="table">
            <caption className="visually-hidden">プロジェクト（{fiscalYearLabel(fy)}）</caption>
            <thead>
              <tr>
                <th scope="col">プロジェクト</th>
                <th scope="col">協議体・部会</th>
                <th scope="col">課題</th>
                <th scope="col">状況</th>
                <th scope="col" className="num">
                  試行
                </th>
                <th scope="col" className="num">
                  生まれた資源
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((p) => (
                <tr key={p.id}>
                  <th scope="row" className="wrap">
                    <Link className="tree-link" to={councilPaths.project(scope.code, p.id)}>
                      {p.name}
                    </Link>
                  </th>
                  <td className="wrap">
                    {p.councilName}
                    {p.groupName ? `・${p.groupName}` : ''}
                  </td>
                  <td className="wrap">{p.issue}</td>
                  <td>{projectStatusLabel(p.status)}</td>
                  <td className="num">{p.trials}回</td>
                  <td className="num">{p.resources}件</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {editable.length > 0 &&
        (adding ? (
          <ProjectForm fy={fy} councils={editable} onCancel={() => setAdding(false)} />
        ) : (
          <Button
            variant="secondary"
            icon={<Plus aria-hidden="true" size={18} />}
            onClick={() => setAdding(true)}
          >
            プロジェクトをつくる
          </Button>
        ))}
    </>
  );
}

function ProjectForm({
  fy,
  councils,
  onCancel,
}: {
  fy: number;
  councils: { id: string; name: string }[];
  onCancel: () => void;
}) {
  const scope = useTenantScope();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ councilId: councils[0]!.id, name: '', issue: '', goal: '' });
  const [local, setLocal] = useState<FormErrors>(NO_ERRORS);
  const mutation = useMutation({
    mutationFn: (body: ProjectInput) => api(createProject, { params: { tenant: scope.code }, body }),
    onSuccess: async (p) => {
      await invalidateCouncils(queryClient, scope.code);
      navigate(councilPaths.project(scope.code, p.id));
    },
  });
  const errors = local.items.length > 0 ? local : mutation.error ? formErrors(mutation.error) : NO_ERRORS;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: ProjectInput = { ...values, fiscalYear: fy };
    const problems = validate(ProjectInput, body);
    setLocal({ message: null, items: problems });
    if (problems.length === 0) mutation.mutate(body);
  };
  return (
    <form className="panel form-grid" onSubmit={submit} noValidate aria-labelledby="project-form-title">
      <h2 id="project-form-title">プロジェクトをつくる（{fiscalYearLabel(fy)}）</h2>
      <ErrorSummary message={errors.message} items={errors.items} />
      <SelectField
        label="協議体"
        value={values.councilId}
        onChange={(e) => setValues({ ...values, councilId: e.target.value })}
      >
        {councils.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <ProjectWhat values={values} errors={errors} onChange={(patch) => setValues({ ...values, ...patch })} />
      <div className="button-row">
        <Button type="submit" busy={mutation.isPending}>
          つくる
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          やめる
        </Button>
      </div>
    </form>
  );
}

/** /projects/:id — 課題, 年度ゴール, members, trials (試行) and the resources that came of it. */
export function ProjectPage({ id }: { id: string }) {
  const scope = useTenantScope();
  const project = useProject(scope.code, id);
  usePageTitle(project.data?.name ?? 'プロジェクト');
  if (project.isPending) return <Loading />;
  if (project.isError) return <ErrorNotice error={project.error} />;
  const p = project.data;
  return (
    <>
      <Breadcrumb
        items={[
          { label: '協議体', to: councilPaths.councils(scope.code) },
          { label: 'プロジェクト', to: councilPaths.projects(scope.code) },
          { label: p.name },
        ]}
        renderLink={(to, label) => <Link to={to}>{label}</Link>}
      />
      <PageHeader
        title={p.name}
        lead={`${p.councilName}${p.groupName ? `・${p.groupName}` : ''}・${fiscalYearLabel(p.fiscalYear)}・${projectStatusLabel(p.status)}`}
      />
      <dl className="facts project-facts">
        <dt>課題</dt>
        <dd>{p.issue || '—'}</dd>
        <dt>年度ゴール</dt>
        <dd>{p.goal || '—'}</dd>
        <dt>メンバー</dt>
        <dd>{[...p.people, ...p.organizations].map((m) => m.name).join('、') || '—'}</dd>
        <dt>成果・わかったこと</dt>
        <dd>{p.results || '—'}</dd>
      </dl>
      <section aria-labelledby="trials-title">
        <h2 id="trials-title">試行（{p.trialList.length}回）</h2>
        {p.trialList.length === 0 ? (
          <p className="muted">まだ試行していません。</p>
        ) : (
          <TableScroll label="試行の一覧">
            <table className="table">
              <caption className="visually-hidden">試行</caption>
              <thead>
                <tr>
                  <th scope="col">日付</th>
                  <th scope="col">試したこと</th>
                  <th scope="col">わかったこと</th>
                  <th scope="col" className="num">
                    人数
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.trialList.map((t) => (
                  <tr key={t.id}>
                    <th scope="row">{formatWareki(t.triedOn)}</th>
                    <td className="wrap">{t.what}</td>
                    <td className="wrap">{t.learned}</td>
                    <td className="num">{t.participants === null ? '—' : `${t.participants}人`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {p.canEdit && <TrialForm project={p} />}
      </section>
      <section aria-labelledby="developed-title">
        <h2 id="developed-title">生まれた地域資源（資源開発）</h2>
        {p.developed.length === 0 ? (
          <p className="muted">まだありません。</p>
        ) : (
          <ul>
            {p.developed.map((d) => (
              <li key={d.id}>
                <Link to={paths.resource(scope.code, d.id)}>{d.name}</Link>
                <span className="muted">（{formatWareki(d.linkedOn)}）</span>
              </li>
            ))}
          </ul>
        )}
        {p.canEdit && <LinkResourceForm project={p} />}
      </section>
      {p.canEdit && <ProjectEditForm project={p} />}
    </>
  );
}

function TrialForm({ project }: { project: Project }) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ triedOn: todayInTokyo(), what: '', learned: '', participants: '' });
  const mutation = useMutation({
    mutationFn: () =>
      api(addTrial, {
        params: { tenant: scope.code, id: project.id },
        body: {
          triedOn: values.triedOn,
          what: values.what,
          learned: values.learned,
          participants: values.participants
            ? Number.parseInt(values.participants.normalize('NFKC'), 10)
            : null,
        },
      }),
    onSuccess: async () => {
      setValues({ triedOn: todayInTokyo(), what: '', learned: '', participants: '' });
      await invalidateCouncils(queryClient, scope.code);
    },
  });
  const errors = mutation.error ? formErrors(mutation.error) : NO_ERRORS;
  return (
    <form
      className="panel form-grid"
      noValidate
      aria-labelledby="trial-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate();
      }}
    >
      <h3 id="trial-form-title">試行を記録する</h3>
      <ErrorSummary message={errors.message} items={errors.items} />
      <TextField
        label="試行した日"
        type="date"
        value={values.triedOn}
        onChange={(e) => setValues({ ...values, triedOn: e.target.value })}
        error={errorFor(errors, 'triedOn')}
      />
      <TextareaField
        label="試したこと"
        rows={2}
        value={values.what}
        onChange={(e) => setValues({ ...values, what: e.target.value })}
        error={errorFor(errors, 'what')}
      />
      <TextareaField
        label="わかったこと"
        rows={2}
        value={values.learned}
        onChange={(e) => setValues({ ...values, learned: e.target.value })}
      />
      <TextField
        label="参加した人数"
        inputMode="numeric"
        short
        value={values.participants}
        onChange={(e) => setValues({ ...values, participants: e.target.value })}
        error={errorFor(errors, 'participants')}
      />
      <Button type="submit" busy={mutation.isPending}>
        記録する
      </Button>
    </form>
  );
}

function LinkResourceForm({ project }: { project: Project }) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [asked, setAsked] = useState('');
  const found = useQuery({
    queryKey: ['resources', scope.code, 'search', { q: asked, perPage: 10, page: 1 }],
    queryFn: ({ signal }) =>
      api(searchResources, {
        params: { tenant: scope.code },
        query: { q: asked, perPage: 10, page: 1 },
        signal,
      }),
    enabled: asked.trim().length > 0,
  });
  const link = useMutation({
    mutationFn: (resourceId: string) =>
      api(linkProjectResource, { params: { tenant: scope.code, id: project.id, resourceId } }),
    onSuccess: () => invalidateCouncils(queryClient, scope.code),
  });
  return (
    <form
      className="panel"
      aria-labelledby="link-resource-title"
      onSubmit={(e) => {
        e.preventDefault();
        setAsked(q);
      }}
    >
      <h3 id="link-resource-title">このプロジェクトから生まれた地域資源を結びつける</h3>
      <p className="muted">
        先に「地域資源」で登録してから、ここで探して結びつけます。資源開発として数えます。
      </p>
      <div className="entrust-form__row">
        <TextField label="地域資源を探す" value={q} onChange={(e) => setQ(e.target.value)} />
        <Button type="submit" variant="secondary">
          探す
        </Button>
      </div>
      {found.data && (
        <ul className="inline-list" aria-label="見つかった地域資源">
          {found.data.items.map((r) => (
            <li key={r.id}>
              {r.name}
              <Button
                small
                variant="secondary"
                icon={<Link2 aria-hidden="true" size={16} />}
                busy={link.isPending}
                onClick={() => link.mutate(r.id)}
              >
                結びつける<span className="visually-hidden">（{r.name}）</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      {link.error && <ErrorNotice error={link.error} />}
    </form>
  );
}

function ProjectEditForm({ project }: { project: Project }) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({
    name: project.name,
    status: project.status,
    issue: project.issue,
    goal: project.goal,
    results: project.results,
  });
  const [saved, setSaved] = useState(false);
  const mutation = useMutation({
    mutationFn: () =>
      api(updateProject, {
        params: { tenant: scope.code, id: project.id },
        body: {
          ...values,
          councilId: project.councilId,
          groupId: project.groupId,
          fiscalYear: project.fiscalYear,
          personIds: project.people.map((x) => x.id),
          organizationIds: project.organizations.map((x) => x.id),
          version: project.version,
        },
      }),
    onSuccess: async () => {
      setSaved(true);
      await invalidateCouncils(queryClient, scope.code);
    },
  });
  const errors = mutation.error ? formErrors(mutation.error) : NO_ERRORS;
  return (
    <form
      className="panel form-grid"
      noValidate
      aria-labelledby="project-edit-title"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        mutation.mutate();
      }}
    >
      <h2 id="project-edit-title">プロジェクトを変更する</h2>
      <ErrorSummary message={errors.message} items={errors.items} />
      <ProjectWhat values={values} errors={errors} onChange={(patch) => setValues({ ...values, ...patch })} />
      <SelectField
        label="状況"
        value={values.status}
        onChange={(e) => setValues({ ...values, status: e.target.value as Project['status'] })}
      >
        {PROJECT_STATUSES.map((s) => (
          <option key={s.code} value={s.code}>
            {s.label}
          </option>
        ))}
      </SelectField>
      <TextareaField
        label="成果・わかったこと"
        rows={3}
        value={values.results}
        onChange={(e) => setValues({ ...values, results: e.target.value })}
      />
      <div className="button-row">
        <Button type="submit" busy={mutation.isPending}>
          保存する
        </Button>
        {saved && (
          <span role="status" className="saved-note">
            保存しました
          </span>
        )}
      </div>
    </form>
  );
}

/** プロジェクト名・課題・年度ゴール: the same words when a project is made and when it is changed. */
function ProjectWhat({
  values,
  errors,
  onChange,
}: {
  values: { name: string; issue: string; goal: string };
  errors: FormErrors;
  onChange: (patch: Partial<{ name: string; issue: string; goal: string }>) => void;
}) {
  return (
    <>
      <TextField
        label="プロジェクト名"
        required
        value={values.name}
        onChange={(e) => onChange({ name: e.target.value })}
        error={errorFor(errors, 'name')}
      />
      <TextareaField
        label="課題"
        rows={2}
        value={values.issue}
        onChange={(e) => onChange({ issue: e.target.value })}
      />
      <TextareaField
        label="年度ゴール"
        rows={2}
        value={values.goal}
        onChange={(e) => onChange({ goal: e.target.value })}
      />
    </>
  );
}
