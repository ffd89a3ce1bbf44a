import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CalendarPlus } from 'lucide-react';
import { type FormEvent, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { createMeeting, MeetingInput } from '../../../contracts/councils';
import { subtreeIds } from '../../../domain/areas';
import { addDays, todayInTokyo } from '../../../domain/dates';
import { api } from '../../lib/api';
import { errorFor, type FormErrors, fieldIdFor, formErrors, NO_ERRORS, validate } from '../../lib/form';
import { useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Button } from '../../ui/button';
import { ErrorSummary } from '../../ui/error-summary';
import { TextField } from '../../ui/field';
import { Breadcrumb, PageHeader } from '../../ui/page';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { useAreaList } from '../areas';
import { useNeedsMatrix } from '../needs-matrix';
import { MeetingWhenWhere } from './format';
import { councilPaths } from './paths';
import { invalidateCouncils, useCouncil } from './queries';

const FORM = 'meeting';
const fieldId = fieldIdFor(FORM, ['heldOn', 'startsAt', 'endsAt', 'place', 'theme', 'issue']);

/**
 * /councils/:id/meetings/new — a meeting prepared from the council's template. The SC may start
 * from a 空白 of ニーズと地域資源 as the 地域課題; the previous meeting's 宿題 come in by themselves.
 */
export function MeetingNewPage({ councilId }: { councilId: string }) {
  const scope = useTenantScope();
  usePageTitle('会議を準備する');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const detail = useCouncil(scope.code, councilId);
  const areas = useAreaList(scope.code, undefined);
  const matrix = useNeedsMatrix(scope.code, { layer: '3', fy: undefined });
  const [values, setValues] = useState({
    heldOn: addDays(todayInTokyo(), 14),
    startsAt: '10:00',
    endsAt: '11:30',
    place: '',
    online: false,
    theme: '',
    cell: '',
    issueTitle: '',
  });
  const [local, setLocal] = useState<FormErrors>(NO_ERRORS);
  const mutation = useMutation({
    mutationFn: (body: MeetingInput) =>
      api(createMeeting, { params: { tenant: scope.code, id: councilId }, body }),
    onSuccess: async (m) => {
      await invalidateCouncils(queryClient, scope.code);
      navigate(councilPaths.meeting(scope.code, m.id));
    },
  });

  // 空白 cells of the council's area (everything for a 第1層 council), most open needs first.
  const gaps = useMemo(() => {
    if (!matrix.data || !areas.data || !detail.data) return [];
    const inside = subtreeIds(areas.data.areas, [detail.data.council.areaId]);
    const name = (id: string) => matrix.data.areas.find((a) => a.id === id)?.name ?? '';
    const cat = (code: string) => matrix.data.categories.find((c) => c.code === code)?.name ?? code;
    return matrix.data.cells
      .filter((c) => c.gap && inside.has(c.areaId))
      .sort((a, b) => b.openNeeds - a.openNeeds)
      .map((c) => ({
        key: `${c.areaId}:${c.category}`,
        areaId: c.areaId,
        category: c.category,
        label: `${name(c.areaId)} × ${cat(c.category)}`,
        title: `${name(c.areaId)}に${cat(c.category)}がない`,
        openNeeds: c.openNeeds,
        people: c.people,
      }));
  }, [matrix.data, areas.data, detail.data]);

  const crumbs = (
    <Breadcrumb
      items={[
        { label: '協議体', to: councilPaths.councils(scope.code) },
        { label: detail.data?.council.name ?? '', to: councilPaths.council(scope.code, councilId) },
        { label: '会議を準備する' },
      ]}
      renderLink={(to, label) => <Link to={to}>{label}</Link>}
    />
  );
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ErrorNotice error={detail.error} />;
  const council = detail.data.council;
  if (!council.canEdit)
    return (
      <>
        {crumbs}
        <Notice tone="warning">
          <p>この協議体の会議は、担当の生活支援コーディネーターと保険者職員が準備します。</p>
        </Notice>
      </>
    );

  const errors = local.items.length > 0 ? local : mutation.error ? formErrors(mutation.error) : NO_ERRORS;
  const chosen = gaps.find((g) => g.key === values.cell);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: MeetingInput = {
      heldOn: values.heldOn,
      startsAt: values.startsAt || null,
      endsAt: values.endsAt || null,
      place: values.place,
      online: values.online,
      theme: values.theme || chosen?.title || '',
      issue: chosen
        ? {
            title: values.issueTitle || chosen.title,
            cell: { areaId: chosen.areaId, category: chosen.category },
            needIds: [],
            resourceIds: [],
            projectId: null,
          }
        : null,
    };
    const problems = validate(MeetingInput, body);
    setLocal({ message: null, items: problems });
    if (problems.length === 0) mutation.mutate(body);
  };

  return (
    <>
      {crumbs}
      <PageHeader title="会議を準備する" lead={`${council.name}・議事は「議事のひな型」の順に並びます。`} />
      <form className="form-grid meeting-form" onSubmit={submit} noValidate aria-label="会議の準備">
        <ErrorSummary message={errors.message} items={errors.items} fieldId={fieldId} />
        <MeetingWhenWhere
          form={FORM}
          values={values}
          errors={errors}
          onChange={(patch) => setValues({ ...values, ...patch })}
        />
        <fieldset className="fieldset" id={`${FORM}-issue`}>
          <legend className="fieldset__legend">地域課題（ニーズと地域資源の空白から）</legend>
          <p className="field__hint">
            困りごとがあるのに、地域にも上の層にも資源がないマスです。選ぶと最初の議題「地域課題の提示」になります。
          </p>
          {matrix.isPending ? (
            <Loading label="空白を調べています…" />
          ) : gaps.length === 0 ? (
            <p className="muted">この協議体の地域に空白はありません。</p>
          ) : (
            <div className="gap-choices">
              <label className="check">
                <input
                  type="radio"
                  name="cell"
                  value=""
                  checked={values.cell === ''}
                  onChange={() => setValues({ ...values, cell: '' })}
                />
                <span>選ばない</span>
              </label>
              {gaps.map((g) => (
                <label key={g.key} className="check">
                  <input
                    type="radio"
                    name="cell"
                    value={g.key}
                    checked={values.cell === g.key}
                    onChange={() => setValues({ ...values, cell: g.key, issueTitle: g.title })}
                  />
                  <span>
                    空白：{g.label}
                    <span className="muted">
                      （未対応の困りごと{g.openNeeds}件・{g.people}人）
                    </span>
                  </span>
                </label>
              ))}
            </div>
          )}
        </fieldset>
        {chosen && (
          <TextField
            id={`${FORM}-issueTitle`}
            label="地域課題として示す言葉"
            value={values.issueTitle}
            onChange={(e) => setValues({ ...values, issueTitle: e.target.value })}
          />
        )}
        <TextField
          id={`${FORM}-theme`}
          label="主なテーマ"
          hint="年間の開催表に載ります。空のときは地域課題の言葉を使います。"
          value={values.theme}
          onChange={(e) => setValues({ ...values, theme: e.target.value })}
          error={errorFor(errors, 'theme')}
        />
        <div className="button-row">
          <Button
            type="submit"
            busy={mutation.isPending}
            busyLabel="準備しています…"
            icon={<CalendarPlus aria-hidden="true" size={18} />}
          >
            ひな型から議事をつくる
          </Button>
        </div>
      </form>
    </>
  );
}
