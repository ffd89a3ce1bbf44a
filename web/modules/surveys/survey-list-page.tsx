import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ClipboardPlus } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { createSurvey, type INSTRUMENT_KEYS, type Survey, SurveyInput } from '../../../contracts/surveys';
import { fiscalYearLabel, fiscalYearOf, todayInTokyo } from '../../../domain/dates';
import { api } from '../../lib/api';
import { errorFor, type FormErrors, fieldIdFor, formErrors, NO_ERRORS, validate } from '../../lib/form';
import { useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Button } from '../../ui/button';
import { FiscalYear, WarekiDateTime } from '../../ui/dates';
import { ErrorSummary } from '../../ui/error-summary';
import { SelectField, TextField } from '../../ui/field';
import { PageHeader } from '../../ui/page';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { TableScroll } from '../../ui/table-scroll';
import { ConfidenceBadge } from './format';
import { canManageSurveys, surveyPaths } from './paths';
import { invalidateSurveys, useInstruments, useSurveys } from './queries';

type InstrumentKey = (typeof INSTRUMENT_KEYS)[number];

const FORM = 'survey-new';
const fieldId = fieldIdFor(FORM, ['title', 'instrument', 'fiscalYear']);

/** 調査の一覧・作成: the town's surveys (newest year first) and, for those who may, a new one. */
export function SurveyListPage() {
  const scope = useTenantScope();
  usePageTitle('アンケート');
  const surveys = useSurveys(scope.code);
  const mayWrite = canManageSurveys(scope);

  return (
    <>
      <PageHeader
        title="アンケート"
        lead="基本チェックリスト・ニーズ調査・興味関心チェックシートの回答を入力し、地域ごとに集計します。"
      />
      <section aria-labelledby="survey-list-title">
        <h2 id="survey-list-title">調査の一覧</h2>
        {surveys.isPending ? (
          <Loading />
        ) : surveys.isError ? (
          <ErrorNotice error={surveys.error} />
        ) : surveys.data.surveys.length === 0 ? (
          <Notice>
            <p>まだ調査はありません。{mayWrite && '下の「調査を作る」から始めてください。'}</p>
          </Notice>
        ) : (
          <SurveyTable surveys={surveys.data.surveys} />
        )}
      </section>
      {mayWrite ? (
        <CreateSurveyForm />
      ) : (
        <p className="muted">
          調査を作ったり回答を入力したりできるのは、保険者職員と生活支援コーディネーターです。
        </p>
      )}
    </>
  );
}

function SurveyTable({ surveys }: { surveys: readonly Survey[] }) {
  const scope = useTenantScope();
  const sorted = [...surveys].sort(
    (a, b) => b.fiscalYear - a.fiscalYear || b.createdAt.localeCompare(a.createdAt),
  );
  return (
    <TableScroll label="調査の一覧の表">
      <table className="table">
        <caption className="visually-hidden">調査の一覧（新しい年度から）</caption>
        <thead>
          <tr>
            <th scope="col">調査の名前</th>
            <th scope="col">調査票</th>
            <th scope="col">年度</th>
            <th scope="col" className="num">
              回答数
            </th>
            <th scope="col">作成</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((s) => (
            <tr key={s.id}>
              <th scope="row" className="wrap">
                <Link className="tree-link" to={surveyPaths.survey(scope.code, s.id)}>
                  {s.title}
                </Link>
              </th>
              <td className="wrap">{s.instrumentTitle}</td>
              <td>
                <FiscalYear fy={s.fiscalYear} />
              </td>
              <td className="num">{s.responses.toLocaleString('ja-JP')}件</td>
              <td>
                <WarekiDateTime instant={s.createdAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function CreateSurveyForm() {
  const scope = useTenantScope();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const instruments = useInstruments(scope.code);
  const thisYear = fiscalYearOf(todayInTokyo());
  const [title, setTitle] = useState('');
  const [titleTouched, setTitleTouched] = useState(false);
  const [instrument, setInstrument] = useState<InstrumentKey | ''>('');
  const [fiscalYear, setFiscalYear] = useState(thisYear);
  const [local, setLocal] = useState<FormErrors>(NO_ERRORS);

  const mutation = useMutation({
    mutationFn: (body: SurveyInput) => api(createSurvey, { params: { tenant: scope.code }, body }),
    onSuccess: async (created) => {
      await invalidateSurveys(queryClient, scope.code);
      navigate(surveyPaths.survey(scope.code, created.id));
    },
  });
  const errors: FormErrors =
    local.items.length > 0 || local.message ? local : mutation.error ? formErrors(mutation.error) : NO_ERRORS;

  const list = instruments.data?.instruments ?? [];
  const suggest = (key: InstrumentKey | '', fy: number) => {
    if (titleTouched) return;
    const info = list.find((i) => i.key === key);
    setTitle(info ? `${fiscalYearLabel(fy)} ${info.title.replace(/（.*）$/u, '')}` : '');
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (mutation.isPending) return;
    const problems = [];
    if (!instrument) problems.push({ path: 'instrument', message: '調査票：使う調査票を選んでください' });
    const body = { title: title.trim(), instrument: instrument as InstrumentKey, fiscalYear, thresholds: {} };
    const all = [
      ...problems,
      ...validate(SurveyInput, body).filter((p) => !(instrument === '' && p.path === 'instrument')),
    ];
    setLocal({ message: null, items: all });
    if (all.length === 0) mutation.mutate(body);
  };

  const years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2];
  const instrumentError = errorFor(errors, 'instrument');

  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="survey-create-heading">
      <h2 id="survey-create-heading">調査を作る</h2>
      <ErrorSummary message={errors.message} items={errors.items} fieldId={fieldId} />
      <fieldset className={`fieldset${instrumentError ? ' field--error' : ''}`}>
        <legend className="fieldset__legend">
          調査票<span className="field__required">必須</span>
        </legend>
        {instrumentError && <p className="field__error">{instrumentError}</p>}
        {instruments.isPending ? (
          <Loading label="調査票を読み込んでいます…" />
        ) : instruments.isError ? (
          <ErrorNotice error={instruments.error} />
        ) : (
          <div className="instrument-choices">
            {list.map((info, i) => (
              <label key={info.key} className="instrument-choice">
                <input
                  type="radio"
                  name="instrument"
                  id={i === 0 ? `${FORM}-instrument` : undefined}
                  value={info.key}
                  checked={instrument === info.key}
                  aria-describedby={`${FORM}-source-${info.key}`}
                  onChange={() => {
                    setInstrument(info.key);
                    suggest(info.key, fiscalYear);
                  }}
                />
                <span>
                  <span className="instrument-choice__title">
                    {info.title}
                    <ConfidenceBadge level={info.confidence} />
                  </span>
                  <span className="instrument-choice__source" id={`${FORM}-source-${info.key}`}>
                    出典：{info.source}
                    {info.note && (
                      <>
                        <br />
                        {info.note}
                      </>
                    )}
                    <br />
                    {info.rules.length > 0
                      ? `判定の決まり ${info.rules.length}件`
                      : '判定の決まりはありません（回答の分布だけを集計します）'}
                    {info.rules.some((r) => r.status === 'unverified' || r.status === 'conflict') &&
                      '（未確認・資料により異なるものを含みます）'}
                  </span>
                </span>
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <div className="form-grid form-grid--2">
        <SelectField
          id={`${FORM}-fiscalYear`}
          label="年度"
          required
          value={String(fiscalYear)}
          onChange={(e) => {
            const fy = Number(e.target.value);
            setFiscalYear(fy);
            suggest(instrument, fy);
          }}
          error={errorFor(errors, 'fiscalYear')}
        >
          {years.map((fy) => (
            <option key={fy} value={fy}>
              {fiscalYearLabel(fy)}（{fy}年度）
            </option>
          ))}
        </SelectField>
        <TextField
          id={`${FORM}-title`}
          label="調査の名前"
          required
          hint="例：令和8年度 基本チェックリスト（北部圏域の全戸訪問）"
          value={title}
          maxLength={120}
          onChange={(e) => {
            setTitle(e.target.value);
            setTitleTouched(true);
          }}
          error={errorFor(errors, 'title')}
        />
      </div>
      <div className="button-row">
        <Button
          type="submit"
          busy={mutation.isPending}
          busyLabel="作っています…"
          icon={<ClipboardPlus aria-hidden="true" size={18} />}
        >
          調査を作る
        </Button>
      </div>
    </form>
  );
}
