import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CheckCircle2, FileUp, Save } from 'lucide-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  commitPopulationImport,
  getPopulationImport,
  type PopulationImport,
  previewPopulationImport,
} from '../../../contracts/areas';
import { isIsoDate } from '../../../domain/dates';
import { formatCount, formatPercent } from '../../../domain/population';
import { api } from '../../lib/api';
import { errorFor, type FormErrors, fieldIdFor, formErrors, NO_ERRORS } from '../../lib/form';
import { paths } from '../../lib/paths';
import { capabilities, useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Button, buttonClass } from '../../ui/button';
import { WarekiDate } from '../../ui/dates';
import { ErrorSummary } from '../../ui/error-summary';
import { TextField } from '../../ui/field';
import { IssueTable } from '../../ui/issue-table';
import { PageHeader } from '../../ui/page';
import { ErrorListNotice, ErrorNotice, Loading, Notice } from '../../ui/status';
import { TableScroll } from '../../ui/table-scroll';
import { invalidateAreas } from './queries';

const FORM = 'import';
const fieldId = fieldIdFor(FORM, ['file', 'asOf', 'fileName']);

function sizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} バイト`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** 人口統計の取り込み: upload → preview with every problem → commit exactly what was previewed. */
export function PopulationImportPage() {
  const scope = useTenantScope();
  const can = capabilities(scope);
  usePageTitle('人口統計の取り込み');
  const queryClient = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const importId = search.get('id');
  const [file, setFile] = useState<File | null>(null);
  const [asOf, setAsOf] = useState('');
  const [local, setLocal] = useState<FormErrors>(NO_ERRORS);

  const existing = useQuery({
    queryKey: ['population-import', scope.code, importId],
    queryFn: ({ signal }) =>
      api(getPopulationImport, { params: { tenant: scope.code, id: importId! }, signal }),
    enabled: Boolean(importId),
    staleTime: Number.POSITIVE_INFINITY,
  });

  const preview = useMutation({
    mutationFn: (f: File) =>
      api(previewPopulationImport, {
        params: { tenant: scope.code },
        query: { fileName: f.name, asOf: asOf || undefined },
        body: f,
      }),
    onSuccess: (result) => {
      queryClient.setQueryData(['population-import', scope.code, result.id], result);
      commit.reset();
      setSearch({ id: result.id }, { replace: true });
    },
  });

  const commit = useMutation({
    mutationFn: (id: string) => api(commitPopulationImport, { params: { tenant: scope.code, id } }),
    onSuccess: async (result) => {
      queryClient.setQueryData(['population-import', scope.code, result.id], result);
      await invalidateAreas(queryClient, scope.code);
    },
  });

  const errors = local.items.length > 0 || local.message ? local : formErrors(preview.error);

  // Opening the page again from the menu (no ?id) starts over.
  const resetPreview = preview.reset;
  const resetCommit = commit.reset;
  useEffect(() => {
    if (!importId) {
      resetPreview();
      resetCommit();
    }
  }, [importId, resetPreview, resetCommit]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const items = [];
    if (!file) items.push({ path: 'file', message: 'ファイル：取り込むファイルを選んでください' });
    if (asOf && !isIsoDate(asOf)) items.push({ path: 'asOf', message: '基準日：日付を選んでください' });
    setLocal({ message: null, items });
    if (file && items.length === 0) preview.mutate(file);
  };

  if (!can.importStatistics) {
    return (
      <>
        <PageHeader title="人口統計の取り込み" />
        <Notice>
          <p>人口統計の取り込みは、保険者職員と第1層コーディネーターが行えます。</p>
        </Notice>
      </>
    );
  }

  const result = commit.data ?? existing.data ?? null;

  return (
    <>
      <PageHeader title="人口統計の取り込み" />
      <div className="panel">
        <h2>取り込めるファイル</h2>
        <ul>
          <li>
            自治体標準オープンデータセット「地域・年齢別人口」の
            CSV（正式版・旧形式のどちらも。高松市のような英語の列名のファイルも読めます）
          </li>
          <li>町丁別の人口の CSV（町丁名、総人口、男女、65歳以上・75歳以上、世帯数などの列）</li>
          <li>
            文字コードは自動で判定します（UTF-8、Shift_JIS、UTF-16）。Excel で保存したままで構いません。
          </li>
        </ul>
        <p className="muted">
          まず内容を確認するだけで、まだ保存しません。確認の結果を見てから「この内容で保存する」を押してください。
          町丁の名前が今の地域と合わないものは、新しい地区として追加されます。
        </p>
      </div>

      <form onSubmit={submit} noValidate className="panel" aria-labelledby="upload-title">
        <h2 id="upload-title">ファイルを選ぶ</h2>
        <ErrorSummary message={errors.message} items={errors.items} fieldId={fieldId} />
        <TextField
          id={`${FORM}-file`}
          label="人口統計のファイル"
          type="file"
          accept=".csv,.txt,text/csv"
          required
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          error={errorFor(errors, 'file') ?? errorFor(errors, 'fileName')}
        />
        <TextField
          id={`${FORM}-asOf`}
          label="基準日（ファイルに調査年月日の列がないときだけ）"
          hint="例：令和6年4月1日現在の人口なら 2024-04-01"
          type="date"
          short
          value={asOf}
          onChange={(e) => setAsOf(e.target.value)}
          error={errorFor(errors, 'asOf')}
        />
        <div className="button-row">
          <Button
            type="submit"
            busy={preview.isPending}
            busyLabel="読み込んでいます…"
            icon={<FileUp aria-hidden="true" size={18} />}
          >
            読み込んで確認する
          </Button>
        </div>
      </form>

      <div aria-live="polite" aria-busy={preview.isPending || commit.isPending}>
        {preview.isPending && file && (
          <Loading label={`「${file.name}」（${sizeLabel(file.size)}）を読み込んで確認しています…`} />
        )}
        {commit.isPending && <Loading label="保存しています。大きなファイルでは少し時間がかかります…" />}
        {commit.data && (
          <Notice tone="success" title="保存しました">
            <p>
              <CheckCircle2 aria-hidden="true" size={18} /> {formatCount(commit.data.savedRows)}
              件の人口統計を保存しました
              {commit.data.createdAreas > 0 &&
                `。新しい地区を${formatCount(commit.data.createdAreas)}件追加しました`}
              。
            </p>
            <p>
              <Link to={paths.areas(scope.code)}>地域と人口を見る</Link>
            </p>
          </Notice>
        )}
        {commit.isError && <ErrorListNotice error={commit.error} title="保存できませんでした" />}
      </div>

      {existing.isPending && importId && !preview.isPending && <Loading />}
      {existing.isError && !preview.isPending && <ErrorNotice error={existing.error} />}
      {result && !preview.isPending && (
        <ImportPreview
          result={result}
          onCommit={() => commit.mutate(result.id)}
          committing={commit.isPending}
        />
      )}
    </>
  );
}

/** What the file holds, as the server read it, and whether it may be saved. */
export function ImportPreview({
  result,
  onCommit,
  committing,
}: {
  result: PopulationImport;
  onCommit: () => void;
  committing: boolean;
}) {
  const scope = useTenantScope();
  const heading = useRef<HTMLHeadingElement>(null);
  // A new result takes the focus, so that keyboard and screen-reader users land on it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs for each new result, identified by id and status
  useEffect(() => {
    if (result.status !== 'committed') heading.current?.focus();
  }, [result.id, result.status]);
  return (
    <section aria-labelledby="preview-title" className="panel">
      <h2 id="preview-title" ref={heading} tabIndex={-1}>
        確認の結果
      </h2>
      <dl className="facts">
        <dt>ファイル</dt>
        <dd>{result.fileName}</dd>
        <dt>文字コード</dt>
        <dd>{result.encodingLabel}</dd>
        <dt>形式</dt>
        <dd>{result.formatLabel}</dd>
        <dt>データの行数</dt>
        <dd>{formatCount(result.rowCount)}行</dd>
        <dt>基準日</dt>
        <dd>
          {result.asOfDates.length === 0
            ? '—'
            : result.asOfDates.map((d, i) => (
                <span key={d}>
                  {i > 0 && '、'}
                  <WarekiDate date={d} />
                </span>
              ))}
        </dd>
        <dt>状態</dt>
        <dd>
          {result.status === 'committed'
            ? '保存済み'
            : result.status === 'rejected'
              ? 'エラーがあるため保存できません'
              : 'まだ保存していません'}
        </dd>
      </dl>

      {result.totals.length > 0 && (
        <TableScroll label="基準日ごとの合計">
          <table className="table">
            <caption>基準日ごとの合計（市町村全体）</caption>
            <thead>
              <tr>
                <th scope="col">基準日</th>
                <th scope="col" className="num">
                  総人口
                </th>
                <th scope="col" className="num">
                  65歳以上
                </th>
                <th scope="col" className="num">
                  75歳以上
                </th>
                <th scope="col" className="num">
                  世帯数
                </th>
                <th scope="col" className="num">
                  高齢化率
                </th>
              </tr>
            </thead>
            <tbody>
              {result.totals.map((t) => (
                <tr key={t.asOf}>
                  <th scope="row">
                    <WarekiDate date={t.asOf} />
                  </th>
                  <td className="num">{formatCount(t.total)}</td>
                  <td className="num">{formatCount(t.aged65)}</td>
                  <td className="num">{formatCount(t.aged75)}</td>
                  <td className="num">{formatCount(t.households)}</td>
                  <td className="num">{formatPercent(t.agingRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      <h3>地域との対応</h3>
      <ul>
        <li>今の地域に合った町丁：{formatCount(result.matched.length)}件</li>
        <li>新しい地区として追加する町丁：{formatCount(result.toCreate.length)}件</li>
        {result.municipalityRows > 0 && (
          <li>市町村全体の合計の行：{formatCount(result.municipalityRows)}行（第1層に保存）</li>
        )}
      </ul>
      {result.matched.length > 0 && (
        <details className="more">
          <summary>合った町丁の一覧（{result.matched.length}件）</summary>
          <ul className="inline-list">
            {result.matched.map((m) => (
              <li key={`${m.town}-${m.areaId}`}>
                {m.town}
                {m.town !== m.areaName && ` → ${m.areaName}`}
              </li>
            ))}
          </ul>
        </details>
      )}
      {result.toCreate.length > 0 && (
        <details className="more">
          <summary>追加される地区の一覧（{result.toCreate.length}件）</summary>
          <ul className="inline-list">
            {result.toCreate.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </details>
      )}

      <details className="more">
        <summary>
          読み取った列（{result.columns.length}列
          {result.unusedColumns.length > 0 && `、うち使わない列 ${result.unusedColumns.length}`}）
        </summary>
        <ul className="inline-list">
          {result.columns.map((c) => (
            <li key={c.header}>
              {c.header}：{c.role}
            </li>
          ))}
        </ul>
        {result.unusedColumns.length > 0 && (
          <p className="muted">使わなかった列：{result.unusedColumns.join('、')}</p>
        )}
      </details>

      <IssueTable title="エラー" issues={result.errors} tone="error" />
      <IssueTable title="注意" issues={result.warnings} tone="warning" />

      {result.status === 'previewed' && result.canCommit && (
        <div className="button-row">
          <p style={{ margin: 0 }}>
            {result.warnings.length === 0
              ? 'エラーはありません。'
              : 'エラーはありません（注意を確かめてください）。'}
            この内容で保存できます。
          </p>
          <Button
            onClick={onCommit}
            busy={committing}
            busyLabel="保存しています…"
            icon={<Save aria-hidden="true" size={18} />}
          >
            この内容で保存する
          </Button>
        </div>
      )}
      {result.status === 'rejected' && (
        <Notice tone="error">
          <p>エラーがあるため保存できません。ファイルを直して、もう一度読み込んでください。</p>
        </Notice>
      )}
      {result.status === 'committed' && (
        <p>
          <Link className={buttonClass('secondary')} to={paths.areas(scope.code)}>
            地域と人口を見る
          </Link>
        </p>
      )}
    </section>
  );
}
