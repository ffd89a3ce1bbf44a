import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CheckCircle2, FileUp, RefreshCw, Save } from 'lucide-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import {
  commitResourceImport,
  IMPORT_FIELDS,
  type ImportField,
  type ImportMapping,
  previewResourceImport,
  type ResourceImport,
  remapResourceImport,
} from '../../../contracts/resources';
import { RESOURCE_KINDS } from '../../../domain/resources';
import { api } from '../../lib/api';
import { paths } from '../../lib/paths';
import { capabilities, useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Button, buttonClass } from '../../ui/button';
import { Checkbox, SelectField, TextField } from '../../ui/field';
import { IssueTable } from '../../ui/issue-table';
import { PageHeader } from '../../ui/page';
import { ErrorListNotice, Loading, Notice } from '../../ui/status';
import { TableScroll } from '../../ui/table-scroll';
import { CategoryOptions } from './options';
import { invalidateResources, resourceKeys, useImportJob, useImportPresets, useTaxonomy } from './queries';

/** The mapping as the form holds it: every header with its field ('' = 使わない). */
export interface MappingDraft {
  columns: Record<string, ImportField | ''>;
  defaultCategory: string;
  defaultKind: 'formal' | 'informal';
  sourceSystem: string;
  markMissingDefunct: boolean;
  savePresetAs: string;
}

export function draftFromJob(job: ResourceImport): MappingDraft {
  return {
    columns: Object.fromEntries(job.headers.map((h) => [h, job.mapping.columns[h] ?? ''])),
    defaultCategory: job.mapping.defaultCategory ?? '',
    defaultKind: job.mapping.defaultKind,
    sourceSystem: job.mapping.sourceSystem,
    markMissingDefunct: job.mapping.markMissingDefunct,
    savePresetAs: '',
  };
}

export function mappingFromDraft(d: MappingDraft): ImportMapping {
  return {
    columns: Object.fromEntries(Object.entries(d.columns).filter(([, f]) => f !== '')) as Record<
      string,
      ImportField
    >,
    defaultCategory: d.defaultCategory || null,
    defaultKind: d.defaultKind,
    sourceSystem: d.sourceSystem,
    markMissingDefunct: d.markMissingDefunct,
  };
}

function sameMapping(a: ImportMapping, b: ImportMapping): boolean {
  const cols = (m: ImportMapping) =>
    JSON.stringify(Object.entries(m.columns).sort(([x], [y]) => x.localeCompare(y)));
  return (
    cols(a) === cols(b) &&
    (a.defaultCategory ?? null) === (b.defaultCategory ?? null) &&
    a.defaultKind === b.defaultKind &&
    a.sourceSystem.trim() === b.sourceSystem.trim() &&
    a.markMissingDefunct === b.markMissingDefunct
  );
}

const CHANGE_LABEL = { added: '追加', changed: '変更', unchanged: '変わらない' } as const;

/** 資源の取り込み: upload → map the columns (presets) → preview every row's fate → all or nothing. */
export function ResourceImportPage() {
  const scope = useTenantScope();
  const can = capabilities(scope);
  usePageTitle('資源の取り込み');
  const queryClient = useQueryClient();
  const presets = useImportPresets(scope.code);
  const taxonomy = useTaxonomy(scope.code);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [preset, setPreset] = useState('');
  const [job, setJob] = useState<ResourceImport | null>(null);
  const [draft, setDraft] = useState<MappingDraft | null>(null);
  const running = job?.status === 'running';
  const poll = useImportJob(scope.code, job?.id ?? null, running);

  useEffect(() => {
    const latest = poll.data;
    if (latest) setJob((j) => (j && j.id === latest.id ? latest : j));
  }, [poll.data]);

  useEffect(() => {
    if (job?.status === 'committed') void invalidateResources(queryClient, scope.code);
  }, [job?.status, queryClient, scope.code]);

  const preview = useMutation({
    mutationFn: (f: File) =>
      api(previewResourceImport, {
        params: { tenant: scope.code },
        query: { fileName: f.name, preset: preset || undefined },
        body: f,
      }),
    onSuccess: (result) => {
      setJob(result);
      setDraft(draftFromJob(result));
      remap.reset();
      commit.reset();
    },
  });

  const remap = useMutation({
    mutationFn: ({ id, d }: { id: string; d: MappingDraft }) =>
      api(remapResourceImport, {
        params: { tenant: scope.code, id },
        body: { mapping: mappingFromDraft(d), savePresetAs: d.savePresetAs.trim() || null },
      }),
    onSuccess: async (result, { d }) => {
      setJob(result);
      setDraft({ ...d, savePresetAs: '' });
      if (d.savePresetAs.trim())
        await queryClient.invalidateQueries({ queryKey: resourceKeys.presets(scope.code) });
    },
  });

  const commit = useMutation({
    mutationFn: (id: string) => api(commitResourceImport, { params: { tenant: scope.code, id } }),
    onSuccess: (result) => setJob(result),
  });

  if (!can.manageResourceLists) {
    return (
      <>
        <PageHeader title="資源の取り込み" />
        <Notice>
          <p>資源の取り込みは、保険者職員と第1層コーディネーターが行えます。</p>
        </Notice>
      </>
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      setFileError('ファイル：取り込むファイルを選んでください');
      return;
    }
    setFileError(null);
    preview.mutate(file);
  };

  const dirty = Boolean(job && draft && !sameMapping(mappingFromDraft(draft), job.mapping));
  const busyText = preview.isPending
    ? 'ファイルを読み込んで確認しています…'
    : remap.isPending
      ? '割り当てを反映して確認しています…'
      : commit.isPending
        ? '保存しています…'
        : running
          ? `保存しています（${job?.progress?.done ?? 0} / ${job?.progress?.total ?? job?.rowCount ?? 0}件）`
          : '';

  return (
    <>
      <PageHeader
        title="資源の取り込み"
        lead="町や社協がつくった一覧のファイルから、地域資源をまとめて登録・更新します。"
      />
      <div className="panel">
        <h2>取り込めるファイル</h2>
        <ul>
          <li>
            CSV（文字コードは自動で判定します：UTF-8・Shift_JIS・UTF-16。Excel で保存したままで構いません）
          </li>
          <li>Excel（xlsx、最初のシート）</li>
          <li>GeoJSON（点の位置つきのオープンデータ）</li>
          <li>HSDS の JSON（ほかの仕組みから書き出した地域資源）</li>
        </ul>
        <p className="muted">
          まず内容を確認するだけで、まだ保存しません。列の割り当てと確認の結果を見てから「この内容で保存する」を押してください。
          保存はすべての行をまとめて行い、途中で問題が起きたときは何も保存しません。同じ元データをもう一度取り込むと、追加・変更・変わらない・終了を見分けます。
        </p>
      </div>

      <form onSubmit={submit} noValidate className="panel" aria-labelledby="resource-upload-title">
        <h2 id="resource-upload-title">ファイルを選ぶ</h2>
        {presets.data && presets.data.presets.length > 0 && (
          <SelectField
            id="import-preset"
            label="保存した割り当て"
            hint="前に保存した列の割り当てを使うときに選びます。"
            value={preset}
            onChange={(e) => setPreset(e.target.value)}
          >
            <option value="">使わない（列の名前から自動で割り当てる）</option>
            {presets.data.presets.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
              </option>
            ))}
          </SelectField>
        )}
        <TextField
          id="import-file"
          label="資源の一覧ファイル"
          type="file"
          accept=".csv,.txt,.xlsx,.json,.geojson,text/csv,application/json"
          required
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          error={fileError}
        />
        {preview.isError && <ErrorListNotice error={preview.error} />}
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

      <div aria-live="polite" className="live-line">
        {busyText && !running && <Loading label={busyText} />}
      </div>

      {job && draft && (
        <ImportResult
          job={job}
          draft={draft}
          setDraft={setDraft}
          dirty={dirty}
          terms={taxonomy.data?.terms ?? []}
          remapping={remap.isPending}
          remapError={remap.error}
          onRemap={() => remap.mutate({ id: job.id, d: draft })}
          committing={commit.isPending}
          commitError={commit.error}
          onCommit={() => commit.mutate(job.id)}
          onRestart={() => {
            setJob(null);
            setDraft(null);
            setFile(null);
            preview.reset();
          }}
        />
      )}
    </>
  );
}

function ImportResult({
  job,
  draft,
  setDraft,
  dirty,
  terms,
  remapping,
  remapError,
  onRemap,
  committing,
  commitError,
  onCommit,
  onRestart,
}: {
  job: ResourceImport;
  draft: MappingDraft;
  setDraft: (d: MappingDraft) => void;
  dirty: boolean;
  terms: Parameters<typeof CategoryOptions>[0]['terms'];
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
  const editable = job.status === 'previewed';
  const c = job.counts;

  return (
    <section className="panel" aria-labelledby="resource-import-result">
      <h2 id="resource-import-result" ref={heading} tabIndex={-1}>
        確認の結果
      </h2>
      <dl className="facts">
        <dt>ファイル</dt>
        <dd>{job.fileName}</dd>
        <dt>形式</dt>
        <dd>{job.formatLabel}</dd>
        <dt>文字コード</dt>
        <dd>{job.encodingLabel ?? '—'}</dd>
        <dt>データの行数</dt>
        <dd>{job.rowCount.toLocaleString('ja-JP')}行</dd>
      </dl>

      {editable && job.headers.length > 0 && (
        <MappingForm
          job={job}
          draft={draft}
          setDraft={setDraft}
          terms={terms}
          remapping={remapping}
          onRemap={onRemap}
        />
      )}
      {remapError ? <ErrorListNotice error={remapError} /> : null}

      <h3>保存するとどうなるか</h3>
      <dl className="figures">
        {(
          [
            ['追加', c.added],
            ['変更', c.changed],
            ['変わらない', c.unchanged],
            ['終了', c.removed],
          ] as const
        ).map(([label, n]) => (
          <div className="figure" key={label}>
            <dt>{label}</dt>
            <dd>
              {n.toLocaleString('ja-JP')}
              <span className="figure__unit">件</span>
            </dd>
          </div>
        ))}
      </dl>
      {c.removed > 0 && (
        <p className="muted">「終了」は、前に同じ元データから取り込み、今回のファイルにない資源です。</p>
      )}

      {job.preview.length > 0 && (
        <TableScroll label="取り込む行の例">
          <table className="table">
            <caption>取り込む行（先頭{job.preview.length}行）</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  行
                </th>
                <th scope="col">扱い</th>
                <th scope="col">名称</th>
                <th scope="col">分類</th>
                <th scope="col">住所</th>
                <th scope="col">日時</th>
              </tr>
            </thead>
            <tbody>
              {job.preview.map((p) => (
                <tr key={p.line}>
                  <td className="num">{p.line}</td>
                  <td>
                    <span className={`change change--${p.change}`}>{CHANGE_LABEL[p.change]}</span>
                  </td>
                  <td className="wrap">{p.name}</td>
                  <td>
                    {p.category
                      .split(/[,、]/)
                      .map((c) => terms.find((t) => t.code === c.trim())?.name ?? c)
                      .join('、')}
                  </td>
                  <td className="wrap">{p.address}</td>
                  <td className="wrap">
                    {p.schedule || '—'}
                    {p.scheduleNeedsReview && <span className="review-flag">確認が必要</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      <IssueTable title="エラー" issues={job.errors} tone="error" />
      <IssueTable title="注意" issues={job.warnings} tone="warning" />

      {editable && dirty && (
        <Notice tone="warning">
          <p>
            割り当てを変えました。「割り当てを反映して確認する」を押して、結果を確かめてから保存してください。
          </p>
        </Notice>
      )}
      {editable && !dirty && job.canCommit && (
        <div className="button-row">
          <p className="button-row__text">
            エラーはありません。{job.warnings.length > 0 && '注意を確かめてから、'}この内容で保存できます。
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
      {editable && !dirty && !job.canCommit && job.errors.length > 0 && (
        <p className="field__error">
          エラーがあるため、まだ保存できません。割り当てかファイルを直してください。
        </p>
      )}
      {job.status === 'rejected' && (
        <Notice tone="error">
          <p>このファイルは読み込めませんでした。ファイルを直して、もう一度選んでください。</p>
        </Notice>
      )}
      {commitError ? <ErrorListNotice error={commitError} /> : null}

      {job.status === 'running' && (
        <div className="import-progress" aria-live="polite">
          <label htmlFor="import-progress">
            保存しています：{(job.progress?.done ?? 0).toLocaleString('ja-JP')} /{' '}
            {(job.progress?.total ?? job.rowCount).toLocaleString('ja-JP')}件
          </label>
          <progress
            id="import-progress"
            max={job.progress?.total ?? job.rowCount}
            value={job.progress?.done ?? 0}
          />
        </div>
      )}
      <div aria-live="polite">
        {job.status === 'committed' && (
          <Notice tone="success" title="保存しました">
            <p>
              <CheckCircle2 aria-hidden="true" size={18} /> 追加 {c.added}件・変更 {c.changed}件・変わらない{' '}
              {c.unchanged}件・終了 {c.removed}件
            </p>
            <ul className="inline-links">
              <li>
                <Link className={buttonClass('secondary', true)} to={paths.resources(scope.code)}>
                  地域資源の一覧を見る
                </Link>
              </li>
              <li>
                <Link
                  className={buttonClass('secondary', true)}
                  to={paths.resources(scope.code, 'sort=updated')}
                >
                  更新順で見る
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
        {job.status === 'failed' && (
          <Notice tone="error" title="保存できませんでした">
            <p>途中で問題が起きたため、何も保存していません。もう一度お試しください。</p>
          </Notice>
        )}
      </div>
    </section>
  );
}

function MappingForm({
  job,
  draft,
  setDraft,
  terms,
  remapping,
  onRemap,
}: {
  job: ResourceImport;
  draft: MappingDraft;
  setDraft: (d: MappingDraft) => void;
  terms: Parameters<typeof CategoryOptions>[0]['terms'];
  remapping: boolean;
  onRemap: () => void;
}) {
  const set = (patch: Partial<MappingDraft>) => setDraft({ ...draft, ...patch });
  return (
    <div className="mapping">
      <h3>列の割り当て</h3>
      <p className="muted">
        ファイルの各列を、どの項目として読むか選びます。使わない列は「使わない」のままにします。
      </p>
      <TableScroll label="列の割り当て">
        <table className="table mapping-table">
          <caption className="visually-hidden">列の割り当てと、先頭の行の値</caption>
          <thead>
            <tr>
              <th scope="col">ファイルの列</th>
              <th scope="col">割り当てる項目</th>
              <th scope="col">値の例</th>
            </tr>
          </thead>
          <tbody>
            {job.headers.map((h, col) => {
              const id = `map-col-${col}`;
              return (
                <tr key={h}>
                  <th scope="row">
                    <label htmlFor={id}>{h || `（${col + 1}列目・見出しなし）`}</label>
                  </th>
                  <td>
                    <select
                      id={id}
                      className="select"
                      value={draft.columns[h] ?? ''}
                      onChange={(e) =>
                        set({ columns: { ...draft.columns, [h]: e.target.value as ImportField | '' } })
                      }
                    >
                      <option value="">使わない</option>
                      {Object.entries(IMPORT_FIELDS).map(([k, label]) => (
                        <option key={k} value={k}>
                          {label}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="wrap muted">
                    {job.sample
                      .slice(0, 2)
                      .map((row) => row[col] ?? '')
                      .filter(Boolean)
                      .join('／') || '（空）'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {job.sample.length > 0 && (
        <details className="more">
          <summary>ファイルの先頭{job.sample.length}行を見る</summary>
          <TableScroll label="ファイルの先頭の行">
            <table className="table">
              <caption className="visually-hidden">ファイルの先頭の行</caption>
              <thead>
                <tr>
                  {job.headers.map((h, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: headers may repeat; the column position is the identity
                    <th scope="col" key={`${h}-${i}`}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {job.sample.map((row, r) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: sample rows have no identity but their position
                  <tr key={r}>
                    {job.headers.map((h, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: headers may repeat; the column position is the identity
                      <td key={`${h}-${i}`}>{row[i] ?? ''}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </details>
      )}
      <div className="form-grid form-grid--2">
        <SelectField
          id="map-category"
          label="分類（全行共通）"
          hint="分類の列がないファイル（コミュニティセンターの一覧など）は、ここで選びます。"
          value={draft.defaultCategory}
          onChange={(e) => set({ defaultCategory: e.target.value })}
        >
          <option value="">指定しない（ファイルの分類の列を使う）</option>
          <CategoryOptions terms={terms} />
        </SelectField>
        <SelectField
          id="map-kind"
          label="資源の種類（全行共通）"
          value={draft.defaultKind}
          onChange={(e) => set({ defaultKind: e.target.value as MappingDraft['defaultKind'] })}
        >
          {Object.entries(RESOURCE_KINDS).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </SelectField>
        <TextField
          id="map-source"
          label="元データの名前"
          hint="もう一度取り込むとき、同じ名前なら同じ資源として更新します。"
          value={draft.sourceSystem}
          onChange={(e) => set({ sourceSystem: e.target.value })}
        />
        <TextField
          id="map-preset"
          label="この割り当てを保存する（名前）"
          hint="次に同じ形のファイルを取り込むときに使えます。保存しないときは空欄のまま。"
          value={draft.savePresetAs}
          onChange={(e) => set({ savePresetAs: e.target.value })}
        />
      </div>
      <Checkbox
        label="今回のファイルにない資源は終了にする（同じ元データから前に取り込んだもの）"
        checked={draft.markMissingDefunct}
        onChange={(e) => set({ markMissingDefunct: e.target.checked })}
      />
      <div className="button-row">
        <Button
          variant="secondary"
          busy={remapping}
          busyLabel="確認しています…"
          icon={<RefreshCw aria-hidden="true" size={18} />}
          onClick={onRemap}
        >
          割り当てを反映して確認する
        </Button>
      </div>
    </div>
  );
}
