import { useMutation, useQueryClient } from '@tanstack/react-query';
import { RotateCcw } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import { type Revision, restoreRevision } from '../../../contracts/resources';
import { ApiError, api } from '../../lib/api';
import { paths } from '../../lib/paths';
import { useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Button } from '../../ui/button';
import { formatWarekiDateTime } from '../../ui/dates';
import { Breadcrumb, PageHeader } from '../../ui/page';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { TableScroll } from '../../ui/table-scroll';
import { invalidateResources, resourceKeys, useResource, useRevisions } from './queries';

type Rev = z.infer<typeof Revision>;

/** 履歴: every change, newest first, who and when, what changed; any earlier state can be put back. */
export function HistoryPage({ id }: { id: string }) {
  const scope = useTenantScope();
  const resource = useResource(scope.code, id);
  const revisions = useRevisions(scope.code, id);
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<number | null>(null);
  const [result, setResult] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  usePageTitle(resource.data ? `${resource.data.name}の履歴` : '変更の履歴');

  const restore = useMutation({
    mutationFn: ({ revision, version }: { revision: number; version: number }) =>
      api(restoreRevision, { params: { tenant: scope.code, id, revision }, body: { version } }),
    onSuccess: async (updated, { revision }) => {
      queryClient.setQueryData(resourceKeys.detail(scope.code, id), updated);
      setConfirming(null);
      setResult({
        tone: 'success',
        text: `${revision}番目の内容に戻しました。戻したことも履歴に残っています。`,
      });
      await invalidateResources(queryClient, scope.code);
    },
    onError: async (error) => {
      setConfirming(null);
      setResult({
        tone: 'error',
        text:
          error instanceof ApiError && error.status === 409
            ? 'ほかの人が先にこの資源を変更しました。履歴を読み込み直しました。もう一度選んでください。'
            : error instanceof Error
              ? error.message
              : '戻せませんでした。',
      });
      await invalidateResources(queryClient, scope.code);
    },
  });

  if (resource.isPending || revisions.isPending) return <Loading />;
  if (resource.isError) return <ErrorNotice error={resource.error} />;
  if (revisions.isError) return <ErrorNotice error={revisions.error} />;
  const r = resource.data;
  const list = revisions.data.revisions;

  return (
    <>
      <Breadcrumb
        items={[
          { label: '地域資源', to: paths.resources(scope.code) },
          { label: r.name, to: paths.resource(scope.code, r.id) },
          { label: '履歴' },
        ]}
        renderLink={(to, label) => <Link to={to}>{label}</Link>}
      />
      <PageHeader title={`${r.name}の履歴`} lead="新しい順です。誰が、いつ、何を変えたかを残しています。" />
      <div aria-live="polite">
        {result && (
          <Notice tone={result.tone}>
            <p>{result.text}</p>
          </Notice>
        )}
      </div>
      <ol className="revision-list">
        {list.map((rev, i) => (
          <li key={rev.revision} className="revision">
            <h2 className="revision__title">
              <time dateTime={rev.at} title={rev.at}>
                {formatWarekiDateTime(rev.at)}
              </time>{' '}
              {rev.by} <span className="revision__action">{rev.actionLabel}</span>
              {i === 0 && <span className="badge badge--layer">今の内容</span>}
            </h2>
            {rev.changes.length === 0 ? (
              <p className="muted">
                {rev.action === 'verify'
                  ? '内容は変えずに、確認した日を記録しました。'
                  : '内容の変更はありません。'}
              </p>
            ) : (
              <ChangeTable rev={rev} />
            )}
            {i > 0 && r.canEdit && (
              <RestoreControl
                rev={rev}
                confirming={confirming === rev.revision}
                busy={restore.isPending}
                onAsk={() => {
                  setResult(null);
                  setConfirming(rev.revision);
                }}
                onCancel={() => setConfirming(null)}
                onConfirm={() => restore.mutate({ revision: rev.revision, version: r.version })}
              />
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

function ChangeTable({ rev }: { rev: Rev }) {
  return (
    <TableScroll label={`${rev.revision}番目の記録（${formatWarekiDateTime(rev.at)}）の変更`}>
      <table className="table diff-table">
        <caption className="visually-hidden">
          {formatWarekiDateTime(rev.at)} {rev.by} {rev.actionLabel}の内容
        </caption>
        <thead>
          <tr>
            <th scope="col">項目</th>
            <th scope="col">変更前</th>
            <th scope="col">変更後</th>
          </tr>
        </thead>
        <tbody>
          {rev.changes.map((c) => (
            <tr key={c.field}>
              <th scope="row">{c.label}</th>
              <td className="wrap diff-table__from">{c.from}</td>
              <td className="wrap diff-table__to">{c.to}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function RestoreControl({
  rev,
  confirming,
  busy,
  onAsk,
  onCancel,
  onConfirm,
}: {
  rev: Rev;
  confirming: boolean;
  busy: boolean;
  onAsk: () => void;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirming) ref.current?.focus();
  }, [confirming]);
  if (!confirming)
    return (
      <Button variant="secondary" small icon={<RotateCcw aria-hidden="true" size={16} />} onClick={onAsk}>
        この内容に戻す
        <span className="visually-hidden">（{formatWarekiDateTime(rev.at)}）</span>
      </Button>
    );
  return (
    <div className="confirm-box" tabIndex={-1} ref={ref}>
      <p id={`confirm-${rev.revision}`}>
        {formatWarekiDateTime(rev.at)}の内容に戻しますか？今の内容は消えずに履歴に残ります。
      </p>
      <div className="button-row button-row--tight">
        <Button small busy={busy} busyLabel="戻しています…" onClick={onConfirm}>
          戻す
        </Button>
        <Button variant="quiet" small onClick={onCancel}>
          やめる
        </Button>
      </div>
    </div>
  );
}
