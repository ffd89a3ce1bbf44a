import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ChartBar, FileSpreadsheet, Keyboard, Save, TabletSmartphone } from 'lucide-react';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { getSurvey, type RuleInfo, Survey, updateSurvey } from '../../../contracts/surveys';
import { ApiError, api } from '../../lib/api';
import { errorFor, type FormErrors, formErrors, NO_ERRORS } from '../../lib/form';
import { useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Button } from '../../ui/button';
import { FiscalYear, WarekiDateTime } from '../../ui/dates';
import { ErrorSummary } from '../../ui/error-summary';
import { TextField } from '../../ui/field';
import { Breadcrumb, PageHeader } from '../../ui/page';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { TableScroll } from '../../ui/table-scroll';
import { ConfidenceBadge, confidenceExplanation, meaningLabel } from './format';
import { canEnterAnswers, canManageSurveys, surveyPaths } from './paths';
import { invalidateSurveys, surveyKeys, useInstruments, useSurvey } from './queries';
import { SurveyNotFound } from './survey-frame';

type Detail = NonNullable<ReturnType<typeof useSurvey>['data']>;

/** 調査の詳細: what the survey is, its judgement rules (with how sure we are of them), and the ways in. */
export function SurveyDetailPage({ id }: { id: string }) {
  const scope = useTenantScope();
  const detail = useSurvey(scope.code, id);
  usePageTitle(detail.data?.survey.title ?? '調査');

  const crumbs = (
    <Breadcrumb
      items={[
        { label: 'アンケート', to: surveyPaths.surveys(scope.code) },
        { label: detail.data?.survey.title ?? '調査' },
      ]}
      renderLink={(to, label) => <Link to={to}>{label}</Link>}
    />
  );
  if (detail.isPending)
    return (
      <>
        {crumbs}
        <Loading />
      </>
    );
  if (detail.isError) {
    if (detail.error instanceof ApiError && detail.error.status === 404) return <SurveyNotFound />;
    return (
      <>
        {crumbs}
        <ErrorNotice error={detail.error} />
      </>
    );
  }
  const { survey, instrument } = detail.data;
  const mayEnter = canEnterAnswers(scope);
  const mayManage = canManageSurveys(scope);
  const unsure = instrument.rules.filter((r) => r.status === 'unverified' || r.status === 'conflict').length;

  return (
    <>
      {crumbs}
      <PageHeader
        title={survey.title}
        lead={
          <>
            {survey.instrumentTitle}・<FiscalYear fy={survey.fiscalYear} />
            ・回答 {survey.responses.toLocaleString('ja-JP')}件
          </>
        }
      />
      <nav aria-label="この調査でできること">
        <ul className="survey-links">
          {mayEnter && (
            <>
              <LinkCard
                to={surveyPaths.entry(scope.code, survey.id)}
                icon={<Keyboard aria-hidden="true" size={22} />}
                title="紙の調査票を入力する"
                text="キーボードだけで、1枚ずつ速く入力します。"
              />
              <LinkCard
                to={surveyPaths.interview(scope.code, survey.id)}
                icon={<TabletSmartphone aria-hidden="true" size={22} />}
                title="聞き取りながら入力する"
                text="タブレットで、大きなボタンを押して答えを記録します。"
              />
            </>
          )}
          {mayManage && (
            <LinkCard
              to={surveyPaths.import(scope.code, survey.id)}
              icon={<FileSpreadsheet aria-hidden="true" size={22} />}
              title="ファイルから取り込む"
              text="業者が入力した CSV・Excel の回答をまとめて取り込みます。"
            />
          )}
          <LinkCard
            to={surveyPaths.results(scope.code, survey.id)}
            icon={<ChartBar aria-hidden="true" size={22} />}
            title="集計を見る"
            text="判定ごとの該当割合を、地域別・年齢別に見ます。"
          />
        </ul>
      </nav>

      <section className="panel" aria-labelledby="instrument-title">
        <h2 id="instrument-title">調査票</h2>
        <dl className="facts">
          <dt>調査票</dt>
          <dd>
            {instrument.title}（第{instrument.version}版） <ConfidenceBadge level={instrument.confidence} />
          </dd>
          <dt>出典</dt>
          <dd>{instrument.source}</dd>
          {instrument.note && (
            <>
              <dt>注意</dt>
              <dd>{instrument.note}</dd>
            </>
          )}
          <dt>年度</dt>
          <dd>
            <FiscalYear fy={survey.fiscalYear} />
          </dd>
          <dt>作成</dt>
          <dd>
            <WarekiDateTime instant={survey.createdAt} />
          </dd>
        </dl>
      </section>

      <section aria-labelledby="rules-title">
        <h2 id="rules-title">判定の決まり</h2>
        {unsure > 0 && (
          <Notice tone="warning" title={`${unsure}件の決まりは、まだ確かめられていません`}>
            <p>
              「未確認」「資料により異なる」の決まりは、厚生労働省の手引きの本文で確かめていないものです。集計を報告書に使う前に、町で基準を確かめ、必要なら下で変えてください。
            </p>
          </Notice>
        )}
        {instrument.rules.length === 0 ? (
          <Notice>
            <p>この調査票には判定の決まりがありません。集計では設問ごとの回答の分布を見られます。</p>
          </Notice>
        ) : (
          <RulesForm key={survey.id} detail={detail.data} editable={mayManage} />
        )}
      </section>
    </>
  );
}

function LinkCard({ to, icon, title, text }: { to: string; icon: ReactNode; title: string; text: string }) {
  return (
    <li>
      <Link to={to}>
        {icon}
        <span>
          <strong>{title}</strong>
          <span>{text}</span>
        </span>
      </Link>
    </li>
  );
}

const THRESHOLD = /^\d{1,2}$/;

/** The thresholds as the form holds them: text by rule key, for the rules that have one. */
function draftOf(rules: readonly RuleInfo[]): Record<string, string> {
  return Object.fromEntries(
    rules.filter((r) => r.threshold !== null).map((r) => [r.key, String(r.threshold)]),
  );
}

/** The rules as a table; for those who may, the thresholds (and the survey's name) can be changed. */
function RulesForm({ detail, editable }: { detail: Detail; editable: boolean }) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const { survey, instrument } = detail;
  const defaults = useInstruments(scope.code, editable);
  const defaultRules = defaults.data?.instruments.find((i) => i.key === instrument.key)?.rules ?? null;
  const [title, setTitle] = useState(survey.title);
  const [draft, setDraft] = useState<Record<string, string>>(() => draftOf(instrument.rules));
  const [version, setVersion] = useState(survey.version);
  const [local, setLocal] = useState<FormErrors>(NO_ERRORS);
  const [conflict, setConflict] = useState<Survey | null>(null);
  const [saved, setSaved] = useState(false);

  const mutation = useMutation({
    mutationFn: (body: { title: string; thresholds: Record<string, number>; version: number }) =>
      api(updateSurvey, { params: { tenant: scope.code, id: survey.id }, body }),
    onSuccess: async (result) => {
      setVersion(result.version);
      setSaved(true);
      await invalidateSurveys(queryClient, scope.code);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        const current = Survey.safeParse(error.current);
        if (current.success) setConflict(current.data);
      }
    },
  });
  const errors: FormErrors =
    local.items.length > 0 || local.message
      ? local
      : mutation.error && !conflict
        ? formErrors(mutation.error)
        : NO_ERRORS;

  const thresholdsToSend = (): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const rule of instrument.rules) {
      const typed = draft[rule.key];
      if (rule.threshold === null || typed === undefined) continue;
      const value = Number(typed.normalize('NFKC'));
      const base = defaultRules?.find((r) => r.key === rule.key)?.threshold;
      // Only changes from the instrument's standard are kept, so that a rule set back is standard again.
      if (base !== undefined && base !== null) {
        if (value !== base) out[rule.key] = value;
      } else if (rule.overridden || value !== rule.threshold) out[rule.key] = value;
    }
    return out;
  };

  const save = (withVersion: number) => {
    const problems = [];
    if (!title.trim()) problems.push({ path: 'title', message: '調査の名前：入力してください' });
    for (const rule of instrument.rules) {
      const typed = (draft[rule.key] ?? '').normalize('NFKC').trim();
      if (rule.threshold !== null && (!THRESHOLD.test(typed) || Number(typed) > 20))
        problems.push({
          path: `thresholds.${rule.key}`,
          message: `${rule.label}の基準：0〜20の整数で入力してください`,
        });
    }
    setLocal({ message: null, items: problems });
    setSaved(false);
    if (problems.length > 0) return;
    mutation.mutate({ title: title.trim(), thresholds: thresholdsToSend(), version: withVersion });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!mutation.isPending) save(version);
  };

  const table = (
    <TableScroll label="判定の決まりの表">
      <table className="table">
        <caption className="visually-hidden">判定の決まりと、その確かさ</caption>
        <thead>
          <tr>
            <th scope="col">判定</th>
            <th scope="col">条件</th>
            <th scope="col">確かさ</th>
            <th scope="col">基準</th>
          </tr>
        </thead>
        <tbody>
          {instrument.rules.map((rule) => (
            <RuleRow
              key={rule.key}
              rule={rule}
              editable={editable}
              value={draft[rule.key] ?? ''}
              error={errorFor(errors, `thresholds.${rule.key}`)}
              onChange={(v) => setDraft((d) => ({ ...d, [rule.key]: v }))}
            />
          ))}
        </tbody>
      </table>
    </TableScroll>
  );

  if (!editable) return table;

  return (
    <form onSubmit={submit} noValidate aria-label="調査の名前と判定の基準">
      <ErrorSummary
        message={errors.message}
        items={errors.items}
        fieldId={(path) =>
          path === 'title'
            ? 'survey-title'
            : path.startsWith('thresholds.')
              ? `threshold-${path.slice(11)}`
              : null
        }
      />
      {conflict && (
        <ConflictNotice
          current={conflict}
          rules={instrument.rules}
          busy={mutation.isPending}
          onOverwrite={() => {
            setVersion(conflict.version);
            setConflict(null);
            save(conflict.version);
          }}
          onLoadCurrent={async () => {
            const fresh = await queryClient
              .fetchQuery({
                queryKey: surveyKeys.detail(scope.code, survey.id),
                queryFn: () => api(getSurvey, { params: { tenant: scope.code, id: survey.id } }),
                staleTime: 0,
              })
              .catch(() => null);
            if (fresh) {
              setTitle(fresh.survey.title);
              setDraft(draftOf(fresh.instrument.rules));
              setVersion(fresh.survey.version);
            } else setVersion(conflict.version);
            setConflict(null);
            setLocal(NO_ERRORS);
            mutation.reset();
          }}
        />
      )}
      <p className="muted">
        基準を変えると、この調査の集計はすぐ新しい基準で計算し直されます。変えた決まりには「町の設定」と表示されます。
      </p>
      {table}
      <TextField
        id="survey-title"
        label="調査の名前"
        value={title}
        maxLength={120}
        onChange={(e) => setTitle(e.target.value)}
        error={errorFor(errors, 'title')}
      />
      <div className="button-row">
        <Button
          type="submit"
          busy={mutation.isPending}
          busyLabel="保存しています…"
          icon={<Save aria-hidden="true" size={18} />}
        >
          名前と基準を保存する
        </Button>
        <span aria-live="polite">
          {saved && !mutation.isPending && <span className="entry-saved">保存しました</span>}
        </span>
      </div>
    </form>
  );
}

function RuleRow({
  rule,
  editable,
  value,
  error,
  onChange,
}: {
  rule: RuleInfo;
  editable: boolean;
  value: string;
  error: string | null;
  onChange: (v: string) => void;
}) {
  const id = `threshold-${rule.key}`;
  return (
    <tr>
      <th scope="row" className="wrap">
        {rule.label}
        <span className="rule-note">{meaningLabel(rule.meaning)}</span>
        {rule.overridden && <span className="rule-changed">町の設定</span>}
      </th>
      <td className="wrap">
        {rule.condition}
        {rule.note && <p className="rule-note">{rule.note}</p>}
        <details>
          <summary className="rule-note">出典</summary>
          <p className="rule-note">{rule.source}</p>
        </details>
      </td>
      <td>
        <ConfidenceBadge level={rule.status} />
        <span className="visually-hidden">：{confidenceExplanation(rule.status)}</span>
      </td>
      <td>
        {rule.threshold === null ? (
          '—'
        ) : editable ? (
          <div className={error ? 'field--error' : undefined}>
            {error && (
              <span className="field__error" id={`${id}-error`}>
                {error}
              </span>
            )}
            <span className="rule-threshold">
              <input
                id={id}
                className="input"
                inputMode="numeric"
                autoComplete="off"
                aria-label={`${rule.label}の基準`}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                value={value}
                onChange={(e) => onChange(e.target.value)}
              />
              {value.trim() !== '' && Number(value.normalize('NFKC')) !== rule.threshold && (
                <span className="rule-changed">{rule.threshold}から変更</span>
              )}
            </span>
          </div>
        ) : (
          rule.threshold
        )}
      </td>
    </tr>
  );
}

/** On 409: someone saved first. The typed thresholds stay in the form. */
function ConflictNotice({
  current,
  rules,
  busy,
  onOverwrite,
  onLoadCurrent,
}: {
  current: Survey;
  rules: readonly RuleInfo[];
  busy: boolean;
  onOverwrite: () => void;
  onLoadCurrent: () => void | Promise<void>;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const changes = Object.entries(current.thresholds);
  return (
    <div
      className="error-summary"
      role="alert"
      tabIndex={-1}
      ref={ref}
      aria-labelledby="survey-conflict-title"
    >
      <h2 id="survey-conflict-title">ほかの人が先に保存しました</h2>
      <p>
        入力した基準は残っています。今保存されているのは「{current.title}」で、
        {changes.length > 0
          ? `変えてある基準は ${changes.map(([k, v]) => `${rules.find((r) => r.key === k)?.label ?? k}：${v}`).join('、')} です。`
          : '基準は標準のままです。'}
      </p>
      <div className="button-row">
        <Button onClick={onOverwrite} busy={busy}>
          自分の入力で上書きする
        </Button>
        <Button variant="secondary" onClick={() => void onLoadCurrent()}>
          今の内容を読み込む（入力は消えます）
        </Button>
      </div>
    </div>
  );
}
