import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CheckCircle2, FileUp, RefreshCw, Save } from 'lucide-react';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import {
  commitSurveyImport,
  previewSurveyImport,
  RESPONDENT_COLUMNS,
  remapSurveyImport,
  type Survey,
  type SurveyImportPreview,
} from '../../../contracts/surveys';
import { items as itemsOf, type QuestionnaireDefinition } from '../../../domain/questionnaire';
import { api } from '../../lib/api';
import { useTenantScope } from '../../lib/session';
import { Button, buttonClass } from '../../ui/button';
import { SelectField, TextField } from '../../ui/field';
import { ErrorListNotice, Loading, Notice } from '../../ui/status';
import { TableScroll } from '../../ui/table-scroll';
import { surveyPaths } from './paths';
import { invalidateSurveys } from './queries';
import { SurveyFrame } from './survey-frame';

/*
 * 回答の取り込み: a contractor's CSV or the town's xlsx. The server reads it, guesses which column is
 * which question from the headers (one or two rows), and checks every row; nothing is saved until
 * 「保存する」, and then all rows or none.
 */

/** Columns about the respondent rather than a question, as the contract names them. */
export { RESPONDENT_COLUMNS };

type Draft = { headerRows: 1 | 2; columns: Record<string, string> };

function draftOf(p: SurveyImportPreview): Draft {
  return {
    headerRows: p.headerRows === 2 ? 2 : 1,
    columns: Object.fromEntries(p.columns.map((c) => [String(c.index), c.itemKey ?? ''])),
  };
}

function sameDraft(a: Draft, b: Draft): boolean {
  return (
    a.headerRows === b.headerRows &&
    Object.keys(a.columns).every((k) => a.columns[k] === (b.columns[k] ?? ''))
  );
}

export function SurveyImportPage({ id }: { id: string }) {
  return (
    <SurveyFrame
      id={id}
      page="回答の取り込み"
      lead="業者や町で入力した回答のファイル（CSV・Excel）をまとめて取り込みます。"
      need="manage"
    >
      {(detail, def) => <ImportFlow survey={detail.survey} def={def} />}
    </SurveyFrame>
  );
}

function ImportFlow({ survey, def }: { survey: Survey; def: QuestionnaireDefinition }) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [headerRows, setHeaderRows] = useState<'auto' | '1' | '2'>('auto');
  const [job, setJob] = useState<SurveyImportPreview | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [added, setAdded] = useState<number | null>(null);
  const [inputKey, setInputKey] = useState(0);

  const preview = useMutation({
    mutationFn: (f: File) =>
      api(previewSurveyImport, {
        params: { tenant: scope.code, id: survey.id },
        query: { fileName: f.name, headerRows },
        body: f,
      }),
    onSuccess: (result) => {
      setJob(result);
      setDraft(draftOf(result));
      setAdded(null);
      remap.reset();
      commit.reset();
    },
  });
  const remap = useMutation({
    mutationFn: ({ importId, d }: { importId: string; d: Draft }) =>
      api(remapSurveyImport, {
        params: { tenant: scope.code, id: survey.id, importId },
        body: { headerRows: d.headerRows, columns: d.columns },
      }),
    onSuccess: (result) => {
      setJob(result);
      setDraft(draftOf(result));
    },
  });
  const commit = useMutation({
    mutationFn: (importId: string) =>
      api(commitSurveyImport, { params: { tenant: scope.code, id: survey.id, importId } }),
    onSuccess: async (result) => {
      setAdded(result.added);
      setJob((j) => (j ? { ...j, status: 'committed', canCommit: false } : j));
      await invalidateSurveys(queryClient, scope.code);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      setFileError('ファイル：取り込むファイルを選んでください');
      return;
    }
    setFileError(null);
    preview.mutate(file);
  };

  const busy = preview.isPending
    ? 'ファイルを読み込んで確かめています…'
    : remap.isPending
      ? '対応を変えて確かめ直しています…'
      : commit.isPending
        ? '保存しています…'
        : '';

  return (
    <>
      <div className="panel">
        <h2>取り込めるファイル</h2>
        <ul>
          <li>
            CSV（文字コードは自動で判定します：UTF-8・Shift_JIS など）、または Excel（xlsx、最初のシート）
          </li>
          <li>1行に1人分。見出しは1行でも、「問2」の下に「(1)」のような2行でも読めます。</li>
          <li>選択肢は調査票の番号（1・2…）でも、文字（「はい」「できない」）でも構いません。</li>
        </ul>
        <p className="muted">
          まず確かめるだけで、まだ保存しません。1件でも誤りがあれば何も保存しません（すべて保存するか、何も保存しないかのどちらかです）。
        </p>
      </div>

      <form onSubmit={submit} noValidate className="panel" aria-labelledby="survey-upload-title">
        <h2 id="survey-upload-title">ファイルを選ぶ</h2>
        <TextField
          key={inputKey}
          id="survey-import-file"
          label="回答のファイル"
          type="file"
          accept=".csv,.txt,.xlsx,text/csv"
          required
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          error={fileError}
        />
        <SelectField
          id="survey-import-header-rows"
          label="見出しの行数"
          value={headerRows}
          onChange={(e) => setHeaderRows(e.target.value as 'auto' | '1' | '2')}
        >
          <option value="auto">自動で判定する</option>
          <option value="1">1行</option>
          <option value="2">2行（「問2」の下に「(1)」など）</option>
        </SelectField>
        {preview.isError && <ErrorListNotice error={preview.error} />}
        <div className="button-row">
          <Button
            type="submit"
            busy={preview.isPending}
            busyLabel="読み込んでいます…"
            icon={<FileUp aria-hidden="true" size={18} />}
          >
            読み込んで確かめる
          </Button>
        </div>
      </form>

      <div aria-live="polite">{busy && <Loading label={busy} />}</div>

      {job && draft && (
        <ImportResult
          survey={survey}
          def={def}
          job={job}
          draft={draft}
          setDraft={setDraft}
          added={added}
          remapping={remap.isPending}
          remapError={remap.error}
          onRemap={() => remap.mutate({ importId: job.id, d: draft })}
          committing={commit.isPending}
          commitError={commit.error}
          onCommit={() => commit.mutate(job.id)}
          onRestart={() => {
            setJob(null);
            setDraft(null);
            setFile(null);
            setAdded(null);
            setInputKey((k) => k + 1);
            preview.reset();
          }}
        />
      )}
    </>
  );
}

function ImportResult({
  survey,
  def,
  job,
  draft,
  setDraft,
  added,
  remapping,
  remapError,
  onRemap,
  committing,
  commitError,
  onCommit,
  onRestart,
}: {
  survey: Survey;
  def: QuestionnaireDefinition;
  job: SurveyImportPreview;
  draft: Draft;
  setDraft: (d: Draft) => void;
  added: number | null;
  remapping: boolean;
  remapError: unknown;
  onRemap: () => void;
  committing: boolean;
  commitError: unknown;
  onCommit: () => void;
  onRestart: () => void;
}) {
  const scope = useTenantScope();
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new file's result takes the focus once
  useEffect(() => {
    heading.current?.focus();
  }, [job.id]);
  const allItems = useMemo(() => itemsOf(def), [def]);
  const nameOf = (key: string) => {
    const meta = RESPONDENT_COLUMNS.find((c) => c.key === key);
    if (meta) return meta.label;
    const item = allItems.find((i) => i.key === key);
    if (!item) return key;
    const q = item.question;
    const text = item.row
      ? `${q.number ?? ''}${item.row.number ?? ''} ${item.row.label}`
      : `${q.number ?? ''} ${q.short ?? q.label}`;
    return text.length > 48 ? `${text.slice(0, 47)}…` : text.trim();
  };
  const dirty = !sameDraft(draft, draftOf(job));
  const editable = job.status === 'previewed';
  const used = new Set(Object.values(draft.columns).filter(Boolean));
  const known = new Set([...RESPONDENT_COLUMNS.map((c) => c.key), ...allItems.map((i) => i.key)]);

  return (
    <section className="panel" aria-labelledby="survey-import-result">
      <h2 id="survey-import-result" ref={heading} tabIndex={-1}>
        確かめた結果
      </h2>
      <dl className="facts">
        <dt>ファイル</dt>
        <dd>{job.fileName}</dd>
        <dt>文字コード</dt>
        <dd>{job.encoding === 'xlsx' ? 'Excel（xlsx）' : job.encoding}</dd>
        <dt>見出しの行数</dt>
        <dd>{job.headerRows}行</dd>
        <dt>回答の行数</dt>
        <dd>{job.rowCount.toLocaleString('ja-JP')}行</dd>
        <dt>誤り</dt>
        <dd>{job.errorCount.toLocaleString('ja-JP')}件</dd>
      </dl>

      {job.errors.length > 0 && (
        <TableScroll label="誤りのある行">
          <table className="table">
            <caption>
              誤りのある行（{job.errorCount.toLocaleString('ja-JP')}件
              {job.errorCount > job.errors.length && `。最初の${job.errors.length}件を表示`}）
            </caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  行
                </th>
                <th scope="col">列</th>
                <th scope="col">内容</th>
              </tr>
            </thead>
            <tbody>
              {job.errors.map((e, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: one row and column may have several problems
                <tr key={`${e.row}-${e.column}-${i}`}>
                  <td className="num">{e.row}行目</td>
                  <td>{e.column}</td>
                  <td className="wrap">{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      {editable && dirty && (
        <Notice tone="warning">
          <p>対応を変えました。「対応を変えて確かめ直す」を押して、結果を確かめてから保存してください。</p>
        </Notice>
      )}
      {editable && !dirty && job.canCommit && (
        <div className="button-row">
          <p className="button-row__text">
            誤りはありません。{job.rowCount.toLocaleString('ja-JP')}人分をまとめて保存できます。
          </p>
          <Button
            onClick={onCommit}
            busy={committing}
            busyLabel="保存しています…"
            icon={<Save aria-hidden="true" size={18} />}
          >
            保存する
          </Button>
        </div>
      )}
      {editable && !dirty && !job.canCommit && (
        <p className="field__error">
          {job.errorCount > 0
            ? `誤りが${job.errorCount}件あるため、保存できません。ファイルか対応を直してください（1件でも誤りがあると何も保存しません）。`
            : '取り込める回答の行がありません。'}
        </p>
      )}
      {commitError ? <ErrorListNotice error={commitError} /> : null}
      <div aria-live="polite">
        {added !== null && (
          <Notice tone="success" title="保存しました">
            <p>
              <CheckCircle2 aria-hidden="true" size={18} /> {added.toLocaleString('ja-JP')}
              人分の回答を取り込みました。
            </p>
            <ul className="inline-links">
              <li>
                <Link
                  className={buttonClass('secondary', true)}
                  to={surveyPaths.results(scope.code, survey.id)}
                >
                  集計を見る
                </Link>
              </li>
              <li>
                <Button variant="quiet" small onClick={onRestart}>
                  別のファイルを取り込む
                </Button>
              </li>
            </ul>
          </Notice>
        )}
      </div>
      {job.unmapped.length > 0 && (
        <>
          <h3>どの列にもない設問（{job.unmapped.length}件）</h3>
          <p className="muted">
            この設問は空欄（判定不能の理由になります）として取り込みます。列があるなら上で選んでください。
          </p>
          <ul className="unmapped-list">
            {job.unmapped.map((k) => (
              <li key={k}>{nameOf(k)}</li>
            ))}
          </ul>
        </>
      )}

      {editable && (
        <div className="mapping">
          <h3>列と設問の対応</h3>
          <p className="muted">
            見出しから推測しました。違うところは選び直して「対応を変えて確かめ直す」を押してください。
          </p>
          <SelectField
            id="survey-import-header-rows-again"
            label="見出しの行数"
            value={String(draft.headerRows)}
            onChange={(e) => setDraft({ ...draft, headerRows: e.target.value === '2' ? 2 : 1 })}
          >
            <option value="1">1行</option>
            <option value="2">2行</option>
          </SelectField>
          <TableScroll label="列と設問の対応">
            <table className="table mapping-table">
              <caption className="visually-hidden">ファイルの列と、読み取る設問</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    列
                  </th>
                  <th scope="col">ファイルの見出し</th>
                  <th scope="col">読み取る設問</th>
                </tr>
              </thead>
              <tbody>
                {job.columns.map((c) => {
                  const sid = `map-col-${c.index}`;
                  const value = draft.columns[String(c.index)] ?? '';
                  return (
                    <tr key={c.index}>
                      <td className="num">{c.index + 1}</td>
                      <th scope="row" className="wrap">
                        <label htmlFor={sid}>{c.header || `（${c.index + 1}列目・見出しなし）`}</label>
                      </th>
                      <td>
                        <select
                          id={sid}
                          className="select"
                          value={value}
                          onChange={(e) =>
                            setDraft({
                              ...draft,
                              columns: { ...draft.columns, [String(c.index)]: e.target.value },
                            })
                          }
                        >
                          <option value="">使わない</option>
                          {value && !known.has(value) && <option value={value}>{value}</option>}
                          <optgroup label="回答者のこと">
                            {RESPONDENT_COLUMNS.map((m) => (
                              <option key={m.key} value={m.key} disabled={used.has(m.key) && value !== m.key}>
                                {m.label}
                              </option>
                            ))}
                          </optgroup>
                          <optgroup label="設問">
                            {allItems.map((i) => (
                              <option key={i.key} value={i.key} disabled={used.has(i.key) && value !== i.key}>
                                {nameOf(i.key)}
                              </option>
                            ))}
                          </optgroup>
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
          <div className="button-row">
            <Button
              variant="secondary"
              busy={remapping}
              busyLabel="確かめています…"
              icon={<RefreshCw aria-hidden="true" size={18} />}
              onClick={onRemap}
            >
              対応を変えて確かめ直す
            </Button>
          </div>
          {remapError ? <ErrorListNotice error={remapError} /> : null}
        </div>
      )}
    </section>
  );
}
