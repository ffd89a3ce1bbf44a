import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CircleCheck, Globe, History, Pencil, Phone as PhoneIcon } from 'lucide-react';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { type Resource, verifyResource } from '../../../contracts/resources';
import { formatWareki } from '../../../domain/dates';
import { ELIGIBILITY_KINDS, RESOURCE_KINDS, SOGO_TYPES } from '../../../domain/resources';
import { ApiError, api } from '../../lib/api';
import { paths } from '../../lib/paths';
import { useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Badge } from '../../ui/badge';
import { Button, buttonClass } from '../../ui/button';
import { WarekiDate } from '../../ui/dates';
import { NotFoundContent } from '../../ui/not-found';
import { Breadcrumb, PageHeader } from '../../ui/page';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { CategoryTags } from './categories';
import { NextDates, PrivateBadge, StaleBadge, StatusBadge, warekiOfInstant, yen } from './format';
import { MapFrame } from './map/map-frame';
import { invalidateResources, resourceKeys, useResource, useTaxonomy } from './queries';

export interface SavedState {
  saved?: boolean;
  created?: boolean;
}

const tel = (n: string) => `tel:${n.replace(/[^\d+]/g, '')}`;

/** 地域資源の詳細: everything about one resource in plain Japanese. */
export function ResourceDetailPage({ id }: { id: string }) {
  const scope = useTenantScope();
  const query = useResource(scope.code, id);
  const taxonomy = useTaxonomy(scope.code);
  const location = useLocation();
  const saved = (location.state as SavedState | null) ?? null;
  usePageTitle(query.data?.name ?? '地域資源');

  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404)
      return (
        <NotFoundContent what="地域資源">
          <p>
            <Link to={paths.resources(scope.code)}>地域資源の一覧へ</Link>
          </p>
        </NotFoundContent>
      );
    return <ErrorNotice error={query.error} />;
  }
  const r = query.data;
  const loc = r.location;
  const hasPoint = loc?.latitude != null && loc.longitude != null;

  return (
    <>
      <Breadcrumb
        items={[{ label: '地域資源', to: paths.resources(scope.code) }, { label: r.name }]}
        renderLink={(to, label) => <Link to={to}>{label}</Link>}
      />
      <PageHeader
        title={
          <>
            {r.name} <StatusBadge status={r.status} />
          </>
        }
        lead={[r.alternateName && `通称：${r.alternateName}`, r.organization?.name]
          .filter(Boolean)
          .join('・')}
        actions={
          <>
            {r.canEdit && (
              <Link className={buttonClass()} to={paths.resourceEdit(scope.code, r.id)}>
                <Pencil aria-hidden="true" size={18} />
                編集
              </Link>
            )}
            <Link className={buttonClass('secondary')} to={paths.resourceHistory(scope.code, r.id)}>
              <History aria-hidden="true" size={18} />
              履歴
            </Link>
            {(r.status === 'active' || r.status === 'temporarily closed') && (
              <a className={buttonClass('secondary')} href={`/t/${scope.code}/r/${r.id}`}>
                <Globe aria-hidden="true" size={18} />
                公開ページ
              </a>
            )}
          </>
        }
      />
      {saved?.saved && (
        <Notice tone="success" live="status">
          <p>
            {saved.created ? '登録しました。' : '保存しました。'}
            {loc && (loc.areaName ? `場所の地域：${loc.areaName}` : '場所の地域は見つかりませんでした。')}
          </p>
        </Notice>
      )}
      {!r.canEdit && (
        <p className="muted">
          {scope.role === 'sc2'
            ? 'この資源は担当の地域の外にあるため、見ることだけできます。'
            : 'この役割では地域資源を見ることだけできます。'}
        </p>
      )}

      <Freshness resource={r} />

      <CategoryTags categories={r.categories} terms={taxonomy.data?.terms} />
      <dl className="facts facts--wide">
        <dt>資源の種類</dt>
        <dd>{RESOURCE_KINDS[r.kind]}</dd>
        <dt>総合事業の類型</dt>
        <dd>{r.sogoType ? SOGO_TYPES[r.sogoType] : '指定なし'}</dd>
        {r.areas.length > 0 && (
          <>
            <dt>対象の地域</dt>
            <dd>{r.areas.map((a) => a.name).join('、')}</dd>
          </>
        )}
      </dl>
      {r.description && (
        <section aria-labelledby="r-desc">
          <h2 id="r-desc">内容</h2>
          <p className="prewrap">{r.description}</p>
        </section>
      )}

      <section aria-labelledby="r-when">
        <h2 id="r-when">日時</h2>
        {r.schedules.length === 0 ? (
          <p className="muted">日時は登録されていません。</p>
        ) : (
          <ul className="schedule-list">
            {r.schedules.map((s, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: schedules are kept in order and have no id
              <li key={`${i}-${s.description}`}>
                <p className="schedule-list__reading">{s.description || s.rule.source}</p>
                {s.rule.needsReview && (
                  <p className="review-flag">
                    確認が必要です（読み取れない部分や、日付が決まらない部分があります）
                  </p>
                )}
                {s.rule.note && <p className="muted">補足：{s.rule.note}</p>}
                {s.rule.source && s.rule.source !== s.description && (
                  <p className="muted small">元の書き方：{s.rule.source}</p>
                )}
                <NextDates dates={s.nextDates} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="r-where">
        <h2 id="r-where">場所</h2>
        {loc ? (
          <div className="place">
            <dl className="facts">
              {loc.name && (
                <>
                  <dt>場所の名前</dt>
                  <dd>{loc.name}</dd>
                </>
              )}
              <dt>住所</dt>
              <dd>
                {loc.postalCode && `〒${loc.postalCode} `}
                {loc.address || '未登録'}
              </dd>
              <dt>地域</dt>
              <dd>{loc.areaName ?? '見つかりません'}</dd>
              {loc.accessibility && (
                <>
                  <dt>バリアフリー</dt>
                  <dd>{loc.accessibility}</dd>
                </>
              )}
              {loc.transportation && (
                <>
                  <dt>交通・行き方</dt>
                  <dd>{loc.transportation}</dd>
                </>
              )}
              {hasPoint && (
                <>
                  <dt>緯度・経度</dt>
                  <dd>
                    {loc.latitude}, {loc.longitude}
                  </dd>
                </>
              )}
            </dl>
            {hasPoint && (
              <MapFrame
                label={`${loc.name || r.name}の場所の地図`}
                size="small"
                marker={{ latitude: loc.latitude!, longitude: loc.longitude! }}
                fallback="この端末では地図を表示できません。住所と緯度・経度をご覧ください。"
              />
            )}
          </div>
        ) : (
          <p className="muted">場所は登録されていません（訪問や電話で行う活動など）。</p>
        )}
      </section>

      <section aria-labelledby="r-use">
        <h2 id="r-use">料金・対象・申込</h2>
        <dl className="facts">
          <dt>料金</dt>
          <dd>
            <Fees fees={r.fees} />
          </dd>
          <dt>利用できる人</dt>
          <dd>
            {r.eligibility.kinds.map((k) => ELIGIBILITY_KINDS[k]).join('・') || '指定なし'}
            {r.eligibility.description && <span className="block">{r.eligibility.description}</span>}
          </dd>
          {r.capacity !== null && (
            <>
              <dt>定員</dt>
              <dd>{r.capacity}人</dd>
            </>
          )}
          <dt>申込方法</dt>
          <dd className="prewrap">{r.applicationProcess || '申込は不要、または未登録'}</dd>
        </dl>
      </section>

      <section aria-labelledby="r-contact">
        <h2 id="r-contact">連絡先</h2>
        {r.organization && (
          <p>
            運営する主体：{r.organization.name}
            <span className="muted">（{r.organization.kind}）</span>
          </p>
        )}
        {r.phones.length > 0 ? (
          <ul className="phone-list">
            {r.phones.map((p) => (
              <li key={`${p.number}-${p.description}`}>
                <a className="phone-link" href={tel(p.number)}>
                  <PhoneIcon aria-hidden="true" size={18} />
                  {p.number}
                </a>
                {p.description && <span>{p.description}</span>}
                {!p.public && <PrivateBadge />}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">電話番号は登録されていません。</p>
        )}
        {r.contacts.length > 0 && (
          <>
            <h3>担当者</h3>
            <ul className="contact-list">
              {r.contacts.map((c) => (
                <li key={`${c.name}-${c.phone}`}>
                  <strong>{c.name}</strong>
                  {c.title && `（${c.title}）`}
                  {c.phone && (
                    <>
                      {' '}
                      <a href={tel(c.phone)}>{c.phone}</a>
                    </>
                  )}
                  {c.email && (
                    <>
                      {' '}
                      <a href={`mailto:${c.email}`}>{c.email}</a>
                    </>
                  )}{' '}
                  {!c.public && <PrivateBadge />}
                </li>
              ))}
            </ul>
          </>
        )}
        {(r.url || r.email) && (
          <dl className="facts">
            {r.url && (
              <>
                <dt>ホームページ</dt>
                <dd>
                  <a href={r.url} target="_blank" rel="noopener noreferrer">
                    {r.url}
                  </a>
                </dd>
              </>
            )}
            {r.email && (
              <>
                <dt>メール</dt>
                <dd>
                  <a href={`mailto:${r.email}`}>{r.email}</a>
                </dd>
              </>
            )}
          </dl>
        )}
      </section>

      <section aria-labelledby="r-notes" className="internal-notes">
        <h2 id="r-notes">
          内部メモ<span className="internal-notes__note">（住民には表示しません）</span>
        </h2>
        {r.notes ? <p className="prewrap">{r.notes}</p> : <p className="muted">メモはありません。</p>}
      </section>

      <section aria-labelledby="r-record">
        <h2 id="r-record">登録の記録</h2>
        <dl className="facts">
          <dt>登録</dt>
          <dd>{warekiOfInstant(r.createdAt)}</dd>
          <dt>最終更新</dt>
          <dd>{warekiOfInstant(r.updatedAt)}</dd>
          {r.sourceSystem && (
            <>
              <dt>取り込み元</dt>
              <dd>
                {r.sourceSystem}
                {r.sourceId && `（ID：${r.sourceId}）`}
              </dd>
            </>
          )}
        </dl>
        <p>
          <Link to={paths.resourceHistory(scope.code, r.id)}>変更の履歴を見る</Link>
        </p>
      </section>
    </>
  );
}

function Fees({ fees }: { fees: Resource['fees'] }) {
  if (fees.free && fees.options.length === 0) return <>無料{fees.description && `（${fees.description}）`}</>;
  return (
    <>
      {fees.free && <span className="block">無料</span>}
      {fees.options.length > 0 && (
        <ul className="fee-list">
          {fees.options.map((o, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: fee options are kept in order and have no id
            <li key={`${i}-${o.label}`}>
              {o.label}
              {o.amount !== null && ` ${yen(o.amount)}`}
              {o.note && `（${o.note}）`}
            </li>
          ))}
        </ul>
      )}
      {fees.description && <span className="block">{fees.description}</span>}
    </>
  );
}

/** 最終確認・次の確認, the stale banner and 「確認済みにする」. */
function Freshness({ resource: r }: { resource: Resource }) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const verify = useMutation({
    mutationFn: () =>
      api(verifyResource, { params: { tenant: scope.code, id: r.id }, body: { version: r.version } }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(resourceKeys.detail(scope.code, r.id), updated);
      setMessage({
        tone: 'success',
        text: `確認済みにしました。次の確認は${updated.nextCheckDue ? formatWareki(updated.nextCheckDue) : '未定'}です。`,
      });
      await invalidateResources(queryClient, scope.code);
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.status === 409) {
        setMessage({
          tone: 'error',
          text: 'ほかの人が先にこの資源を変更しました。最新の内容を読み込みました。内容を見直してから、もう一度「確認済みにする」を押してください。',
        });
        await invalidateResources(queryClient, scope.code);
      } else {
        setMessage({
          tone: 'error',
          text: error instanceof Error ? error.message : '確認済みにできませんでした。',
        });
      }
    },
  });

  return (
    <section aria-label="内容の確認" className={`freshness${r.stale ? ' freshness--stale' : ''}`}>
      {r.stale && (
        <p className="freshness__alert">
          <StaleBadge due={r.nextCheckDue} /> 内容が今も正しいか、運営している方に確かめてください。
        </p>
      )}
      <p className="freshness__line">
        最終確認：
        {r.lastVerifiedAt ? (
          <>
            <time dateTime={r.lastVerifiedAt} title={r.lastVerifiedAt}>
              {warekiOfInstant(r.lastVerifiedAt)}
            </time>
            {r.lastVerifiedBy && `（${r.lastVerifiedBy}）`}
          </>
        ) : (
          '記録なし'
        )}
        ／次の確認：{r.nextCheckDue ? <WarekiDate date={r.nextCheckDue} /> : '未定'}
      </p>
      {r.canEdit && (
        <Button
          variant={r.stale ? 'primary' : 'secondary'}
          small={!r.stale}
          busy={verify.isPending}
          busyLabel="記録しています…"
          icon={<CircleCheck aria-hidden="true" size={18} />}
          onClick={() => {
            setMessage(null);
            verify.mutate();
          }}
        >
          確認済みにする
        </Button>
      )}
      <div aria-live="polite">
        {message && (
          <p className={message.tone === 'success' ? 'freshness__done' : 'field__error'}>{message.text}</p>
        )}
      </div>
      {r.schedules.some((s) => s.rule.needsReview) && (
        <p>
          <Badge tone="muted">日時の確認が必要</Badge> 日時の読み取りに確認が必要なものがあります。
        </p>
      )}
    </section>
  );
}
