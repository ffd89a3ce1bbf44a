import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CalendarRange, FolderKanban, ListChecks, Plus } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type Council, CouncilInput, createCouncil } from '../../../contracts/councils';
import { LAYER_LABELS, type Layer } from '../../../domain/areas';
import { formatWareki } from '../../../domain/dates';
import { api } from '../../lib/api';
import { errorFor, type FormErrors, fieldIdFor, formErrors, NO_ERRORS, validate } from '../../lib/form';
import { useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Button, buttonClass } from '../../ui/button';
import { ErrorSummary } from '../../ui/error-summary';
import { SelectField, TextareaField, TextField } from '../../ui/field';
import { PageHeader } from '../../ui/page';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { TableScroll } from '../../ui/table-scroll';
import { useAreaList } from '../areas';
import { LayerBadge } from './format';
import { councilPaths, keepsTasks } from './paths';
import { invalidateCouncils, useCouncils, useTaskOwners } from './queries';

/** 協議体: the town's councils by 層, with their next meeting, and the way in to each. */
export function CouncilListPage() {
  const scope = useTenantScope();
  usePageTitle('協議体');
  const [archived, setArchived] = useState(false);
  const list = useCouncils(scope.code, archived);
  const [adding, setAdding] = useState(false);

  return (
    <>
      <PageHeader
        title="協議体"
        lead="地域の多様な主体が集まり、生活支援コーディネーターを後押しする場です。決める場ではなく、情報とアイデアを出し合い、SCに託します。"
        actions={
          <>
            <Link className={buttonClass('secondary')} to={councilPaths.calendar(scope.code)}>
              <CalendarRange aria-hidden="true" size={18} />
              年間の開催
            </Link>
            <Link className={buttonClass('secondary')} to={councilPaths.projects(scope.code)}>
              <FolderKanban aria-hidden="true" size={18} />
              プロジェクト
            </Link>
            {keepsTasks(scope) && (
              <Link className={buttonClass('secondary')} to={councilPaths.tasks(scope.code)}>
                <ListChecks aria-hidden="true" size={18} />
                わたしの仕事
              </Link>
            )}
          </>
        }
      />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorNotice error={list.error} />
      ) : (
        <>
          {list.data.items.length === 0 ? (
            <Notice>
              <p>
                {scope.role === 'council_member'
                  ? '委員を務めている協議体はまだありません。事務局（生活支援コーディネーター）にお尋ねください。'
                  : '協議体はまだ登録されていません。'}
              </p>
            </Notice>
          ) : (
            <CouncilTable items={list.data.items} />
          )}
          <div className="button-row">
            <label className="check">
              <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} />
              <span>アーカイブした協議体も表示する</span>
            </label>
            {list.data.canCreate && !adding && (
              <Button
                variant="secondary"
                icon={<Plus aria-hidden="true" size={18} />}
                onClick={() => setAdding(true)}
              >
                協議体を登録
              </Button>
            )}
          </div>
          {adding && <CouncilForm onCancel={() => setAdding(false)} />}
        </>
      )}
    </>
  );
}

function CouncilTable({ items }: { items: Council[] }) {
  const scope = useTenantScope();
  return (
    <TableScroll label="協議体の一覧">
      <table className="table">
        <caption>協議体（{items.length}）</caption>
        <thead>
          <tr>
            <th scope="col">名称</th>
            <th scope="col">層・地域</th>
            <th scope="col">担当のSC</th>
            <th scope="col" className="num">
              委員
            </th>
            <th scope="col" className="num">
              今年度の開催
            </th>
            <th scope="col">次回</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id}>
              <th scope="row" className="wrap">
                <Link className="tree-link" to={councilPaths.council(scope.code, c.id)}>
                  {c.name}
                </Link>
                {c.archived && <span className="muted">（アーカイブ）</span>}
              </th>
              <td>
                <LayerBadge layer={c.layer} /> {c.areaName}
              </td>
              <td>{c.scName ?? '—'}</td>
              <td className="num">{c.memberCount}人</td>
              <td className="num">{c.meetingsThisYear}回</td>
              <td>
                {c.nextMeeting ? (
                  <Link to={councilPaths.meeting(scope.code, c.nextMeeting.id)}>
                    {formatWareki(c.nextMeeting.heldOn)}
                  </Link>
                ) : (
                  <span className="muted">未定</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

const FORM = 'council';
const fieldId = fieldIdFor(FORM, ['name', 'layer', 'areaId', 'scUserId', 'purpose']);

function CouncilForm({ onCancel }: { onCancel: () => void }) {
  const scope = useTenantScope();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const areas = useAreaList(scope.code, undefined);
  const owners = useTaskOwners(scope.code);
  const [values, setValues] = useState({ name: '', layer: '2', areaId: '', scUserId: '', purpose: '' });
  const [local, setLocal] = useState<FormErrors>(NO_ERRORS);
  const mutation = useMutation({
    mutationFn: (body: CouncilInput) => api(createCouncil, { params: { tenant: scope.code }, body }),
    onSuccess: async (c) => {
      await invalidateCouncils(queryClient, scope.code);
      navigate(councilPaths.council(scope.code, c.id));
    },
  });
  const errors = local.items.length > 0 ? local : mutation.error ? formErrors(mutation.error) : NO_ERRORS;
  const layer = Number(values.layer) as Layer;
  const areaChoices = (areas.data?.areas ?? []).filter((a) => a.layer === layer);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: CouncilInput = {
      name: values.name,
      layer,
      areaId: values.areaId,
      scUserId: values.scUserId || null,
      purpose: values.purpose,
    };
    const problems = validate(CouncilInput, body);
    setLocal({ message: null, items: problems });
    if (problems.length === 0) mutation.mutate(body);
  };
  return (
    <form className="panel form-grid" onSubmit={submit} noValidate aria-labelledby="council-form-title">
      <h2 id="council-form-title">協議体を登録</h2>
      <ErrorSummary message={errors.message} items={errors.items} fieldId={fieldId} />
      <TextField
        id={`${FORM}-name`}
        label="名称"
        required
        value={values.name}
        onChange={(e) => setValues({ ...values, name: e.target.value })}
        error={errorFor(errors, 'name')}
      />
      <SelectField
        id={`${FORM}-layer`}
        label="層"
        value={values.layer}
        onChange={(e) => setValues({ ...values, layer: e.target.value, areaId: '' })}
      >
        {([1, 2, 3] as const).map((l) => (
          <option key={l} value={String(l)}>
            {LAYER_LABELS[l]}
          </option>
        ))}
      </SelectField>
      <SelectField
        id={`${FORM}-areaId`}
        label="地域"
        required
        value={values.areaId}
        onChange={(e) => setValues({ ...values, areaId: e.target.value })}
        error={errorFor(errors, 'areaId')}
      >
        <option value="">選んでください</option>
        {areaChoices.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        id={`${FORM}-scUserId`}
        label="担当のSC"
        value={values.scUserId}
        onChange={(e) => setValues({ ...values, scUserId: e.target.value })}
        error={errorFor(errors, 'scUserId')}
      >
        <option value="">（あとで決める）</option>
        {(owners.data?.items ?? []).map((o) => (
          <option key={o.userId} value={o.userId}>
            {o.name}
          </option>
        ))}
      </SelectField>
      <TextareaField
        id={`${FORM}-purpose`}
        label="目的"
        rows={3}
        value={values.purpose}
        onChange={(e) => setValues({ ...values, purpose: e.target.value })}
        error={errorFor(errors, 'purpose')}
      />
      <div className="button-row">
        <Button type="submit" busy={mutation.isPending} busyLabel="登録しています…">
          登録する
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          やめる
        </Button>
      </div>
    </form>
  );
}
