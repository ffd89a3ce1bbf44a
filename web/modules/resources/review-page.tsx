import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CircleCheck, Pencil } from 'lucide-react';
import { useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { verifyResource } from '../../../contracts/resources';
import { formatWareki } from '../../../domain/dates';
import { ApiError, api } from '../../lib/api';
import { paths } from '../../lib/paths';
import { useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Button, buttonClass } from '../../ui/button';
import { WarekiDate } from '../../ui/dates';
import { SelectField } from '../../ui/field';
import { PageHeader } from '../../ui/page';
import { ErrorNotice, Loading } from '../../ui/status';
import { CategoryTags } from './categories';
import { AreaOptions, useAreaTree } from './options';
import { invalidateResources, resourceKeys, useReviewQueue, useTaxonomy } from './queries';

type Queue = NonNullable<ReturnType<typeof useReviewQueue>['data']>;
type Item = Queue['items'][number];

/** 要確認: what is past (or near) its check date, most overdue first, with one-click 確認済み. */
export function ReviewPage() {
  const scope = useTenantScope();
  usePageTitle('要確認');
  const [search, setSearch] = useSearchParams();
  const area = search.get('area') || undefined;
  const queue = useReviewQueue(scope.code, area);
  const taxonomy = useTaxonomy(scope.code);
  const areas = useAreaTree();
  const queryClient = useQueryClient();
  const [announcement, setAnnouncement] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const verify = useMutation({
    mutationFn: (item: Item) =>
      api(verifyResource, { params: { tenant: scope.code, id: item.id }, body: { version: item.version } }),
    onMutate: (item) => {
      setBusyId(item.id);
      setFailure(null);
    },
    onSuccess: async (updated, item) => {
      const key = resourceKeys.review(scope.code, area);
      const index = queue.data?.items.findIndex((i) => i.id === item.id) ?? -1;
      // The row leaves at once; the counts and order come back from the server just after.
      queryClient.setQueryData<Queue>(key, (q) =>
        q
          ? {
              overdue: q.overdue - (item.daysOverdue !== null ? 1 : 0),
              dueSoon: q.dueSoon - (item.reasons.some((r) => r.includes('30日以内')) ? 1 : 0),
              items: q.items.filter((i) => i.id !== item.id),
            }
          : q,
      );
      setAnnouncement(
        `「${item.name}」を確認済みにしました。次の確認は${updated.nextCheckDue ? formatWareki(updated.nextCheckDue) : '未定'}です。`,
      );
      // Keep the keyboard where the row was: the next row's button, or the heading when none is left.
      requestAnimationFrame(() => {
        const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('button.review-verify');
        const next = buttons?.[Math.min(index, (buttons?.length ?? 1) - 1)];
        (next ?? headingRef.current)?.focus();
      });
      await invalidateResources(queryClient, scope.code);
    },
    onError: async (error, item) => {
      setFailure(
        error instanceof ApiError && error.status === 409
          ? `「${item.name}」はほかの人が先に変更しました。一覧を読み込み直しました。内容を確かめてから、もう一度押してください。`
          : error instanceof Error
            ? error.message
            : '確認済みにできませんでした。',
      );
      await invalidateResources(queryClient, scope.code);
    },
    onSettled: () => setBusyId(null),
  });

  return (
    <>
      <PageHeader
        title="要確認"
        lead="確認期限を過ぎた資源、30日以内に期限が来る資源、日時の読み取りに確認が必要な資源です。期限を過ぎた日数の多い順に並んでいます。"
      />
      {queue.data && (
        <dl className="figures">
          <div className="figure">
            <dt>期限切れ</dt>
            <dd>
              {queue.data.overdue}
              <span className="figure__unit">件</span>
            </dd>
          </div>
          <div className="figure">
            <dt>30日以内</dt>
            <dd>
              {queue.data.dueSoon}
              <span className="figure__unit">件</span>
            </dd>
          </div>
        </dl>
      )}
      <div className="toolbar">
        <SelectField
          id="review-area"
          label="地域"
          hint="上位の地域の資源も含みます"
          value={area ?? ''}
          onChange={(e) => {
            const next = new URLSearchParams(search);
            if (e.target.value) next.set('area', e.target.value);
            else next.delete('area');
            setSearch(next, { replace: true });
          }}
        >
          <option value="">すべての地域</option>
          <AreaOptions rows={areas.rows} />
        </SelectField>
      </div>
      <div aria-live="polite" className="live-line">
        {announcement && <p className="notice notice--success">{announcement}</p>}
      </div>
      <div aria-live="assertive">{failure && <p className="notice notice--error">{failure}</p>}</div>
      <h2 ref={headingRef} tabIndex={-1} id="review-list-title">
        確認する資源
      </h2>
      {queue.isPending && <Loading />}
      {queue.isError && <ErrorNotice error={queue.error} />}
      {queue.data && queue.data.items.length === 0 && <p>いま確認が必要な資源はありません。</p>}
      {queue.data && queue.data.items.length > 0 && (
        <ul className="review-list" ref={listRef} aria-labelledby="review-list-title">
          {queue.data.items.map((item) => (
            <li
              key={item.id}
              className={`review-item${item.daysOverdue !== null ? ' review-item--overdue' : ''}`}
            >
              <div className="review-item__main">
                <h3 className="review-item__title">
                  <Link to={paths.resource(scope.code, item.id)}>{item.name}</Link>
                </h3>
                <CategoryTags categories={item.categories} terms={taxonomy.data?.terms} />
                <ul className="review-item__reasons">
                  {item.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
                <p className="muted small">
                  {item.location?.areaName ?? '地域なし'}
                  {item.nextCheckDue && (
                    <>
                      ・確認期限 <WarekiDate date={item.nextCheckDue} />
                    </>
                  )}
                </p>
              </div>
              {item.canEdit && (
                <div className="review-item__actions">
                  <Button
                    className="review-verify"
                    small
                    busy={busyId === item.id}
                    busyLabel="記録しています…"
                    icon={<CircleCheck aria-hidden="true" size={18} />}
                    onClick={() => verify.mutate(item)}
                  >
                    確認済み<span className="visually-hidden">：{item.name}</span>
                  </Button>
                  <Link
                    className={buttonClass('secondary', true)}
                    to={paths.resourceEdit(scope.code, item.id)}
                  >
                    <Pencil aria-hidden="true" size={16} />
                    編集<span className="visually-hidden">：{item.name}</span>
                  </Link>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
