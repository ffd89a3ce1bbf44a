import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { CourseInput, createCourse, listCourses } from '../../../contracts/helpers-courses';
import { fiscalYearLabel, fiscalYearOf, formatWareki, todayInTokyo } from '../../../domain/dates';
import { TRAINING_KINDS, type TrainingKind } from '../../../domain/helpers';
import { api } from '../../lib/api';
import { errorFor, type FormErrors, fieldIdFor, formErrors, NO_ERRORS, validate } from '../../lib/form';
import { useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Button } from '../../ui/button';
import { ErrorSummary } from '../../ui/error-summary';
import { SelectField, TextField } from '../../ui/field';
import { PageHeader } from '../../ui/page';
import { ErrorNotice, Loading } from '../../ui/status';
import { TableScroll } from '../../ui/table-scroll';
import { AreaOptions, useAreaChoices } from '../needs';
import { coursePaths } from './course-paths';

export const courseKeys = {
  all: (tenant: string) => ['courses', tenant] as const,
  list: (tenant: string) => ['courses', tenant, 'list'] as const,
  detail: (tenant: string, id: string) => ['courses', tenant, 'detail', id] as const,
};

/** 養成講座: the town's courses for 担い手, newest 年度 first, and a form to add one. */
export function CourseListPage() {
  const scope = useTenantScope();
  usePageTitle('養成講座');
  const q = useQuery({
    queryKey: courseKeys.list(scope.code),
    queryFn: ({ signal }) => api(listCourses, { params: { tenant: scope.code }, query: {}, signal }),
  });
  return (
    <>
      <PageHeader
        title="養成講座"
        lead="担い手の養成講座の回と出席、修了者の一覧です。すべての回に出席した人が修了です。"
      />
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorNotice error={q.error} />
      ) : (
        <>
          {q.data.canCreate && <NewCourse />}
          {q.data.items.length === 0 ? (
            <p className="muted">まだ講座がありません。</p>
          ) : (
            <TableScroll label="養成講座の一覧">
              <table className="table">
                <caption className="visually-hidden">養成講座の一覧（新しい年度から）</caption>
                <thead>
                  <tr>
                    <th scope="col">講座名</th>
                    <th scope="col">年度</th>
                    <th scope="col">日程</th>
                    <th scope="col">会場</th>
                    <th scope="col" className="num">
                      受講
                    </th>
                    <th scope="col" className="num">
                      修了
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {q.data.items.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">
                        <Link to={coursePaths.course(scope.code, c.id)}>{c.title}</Link>
                        <div className="muted">
                          {c.kindLabel}
                          {c.areaName ? `・${c.areaName}` : '・町全体'}
                        </div>
                      </th>
                      <td className="nowrap">{fiscalYearLabel(c.fiscalYear)}</td>
                      <td>
                        {c.sessions === 0
                          ? '回がまだありません'
                          : `全${c.sessions}回（${formatWareki(c.firstOn!, { style: 'short' })}${
                              c.sessions > 1 ? `〜${formatWareki(c.lastOn!, { style: 'short' })}` : ''
                            }）`}
                      </td>
                      <td>{c.place}</td>
                      <td className="num">
                        {c.participants}
                        {c.capacity ? `／${c.capacity}` : ''}人
                      </td>
                      <td className="num">{c.completed}人</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </>
      )}
    </>
  );
}

const FORM = 'course';
const fieldId = fieldIdFor(FORM, ['kind', 'title', 'fiscalYear', 'place', 'capacity', 'areaId']);

function NewCourse() {
  const scope = useTenantScope();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const areas = useAreaChoices();
  const [kind, setKind] = useState<TrainingKind>('seikatsu-supporter');
  const [title, setTitle] = useState('');
  const [fy, setFy] = useState(String(fiscalYearOf(todayInTokyo())));
  const [place, setPlace] = useState('');
  const [capacity, setCapacity] = useState('');
  const [areaId, setAreaId] = useState(scope.role === 'sc2' ? (scope.areaIds[0] ?? '') : '');
  const [local, setLocal] = useState<FormErrors>(NO_ERRORS);
  const mutation = useMutation({
    mutationFn: (body: CourseInput) => api(createCourse, { params: { tenant: scope.code }, body }),
    onSuccess: async (d) => {
      await queryClient.invalidateQueries({ queryKey: courseKeys.all(scope.code) });
      navigate(coursePaths.course(scope.code, d.course.id));
    },
  });
  const errors = local.items.length > 0 ? local : mutation.error ? formErrors(mutation.error) : NO_ERRORS;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: CourseInput = {
      kind,
      title: title || (TRAINING_KINDS.find((k) => k.code === kind)?.label ?? ''),
      fiscalYear: Number(fy),
      place,
      capacity: capacity.trim() ? Number(capacity.normalize('NFKC')) : null,
      areaId: areaId || null,
    };
    const problems = validate(CourseInput, body);
    setLocal({ message: null, items: problems });
    if (problems.length === 0 && !mutation.isPending) mutation.mutate(body);
  };
  return (
    <details className="panel course-new">
      <summary>講座をつくる</summary>
      <form onSubmit={submit} noValidate aria-label="講座をつくる">
        <ErrorSummary message={errors.message} items={errors.items} fieldId={fieldId} />
        <div className="form-grid form-grid--2">
          <SelectField
            id={`${FORM}-kind`}
            label="講座の種類"
            value={kind}
            onChange={(e) => setKind(e.target.value as TrainingKind)}
          >
            {TRAINING_KINDS.map((k) => (
              <option key={k.code} value={k.code}>
                {k.label}
              </option>
            ))}
          </SelectField>
          <TextField
            id={`${FORM}-title`}
            label="講座名"
            hint="空欄なら種類の名前になります"
            value={title}
            maxLength={120}
            onChange={(e) => setTitle(e.target.value)}
            error={errorFor(errors, 'title')}
          />
          <TextField
            id={`${FORM}-fiscalYear`}
            label="年度（西暦）"
            inputMode="numeric"
            short
            value={fy}
            onChange={(e) => setFy(e.target.value)}
            error={errorFor(errors, 'fiscalYear')}
          />
          <TextField
            id={`${FORM}-place`}
            label="会場"
            value={place}
            maxLength={120}
            onChange={(e) => setPlace(e.target.value)}
            error={errorFor(errors, 'place')}
          />
          <TextField
            id={`${FORM}-capacity`}
            label="定員"
            hint="空欄なら定員なし"
            inputMode="numeric"
            short
            value={capacity}
            onChange={(e) => setCapacity(e.target.value)}
            error={errorFor(errors, 'capacity')}
          />
          <SelectField
            id={`${FORM}-areaId`}
            label="開く地域"
            hint="第2層コーディネーターは担当の地域の講座を記録できます"
            value={areaId}
            onChange={(e) => setAreaId(e.target.value)}
            error={errorFor(errors, 'areaId')}
          >
            <option value="">町全体</option>
            <AreaOptions rows={areas.rows} />
          </SelectField>
        </div>
        <Button type="submit" busy={mutation.isPending}>
          講座をつくる
        </Button>
      </form>
    </details>
  );
}
