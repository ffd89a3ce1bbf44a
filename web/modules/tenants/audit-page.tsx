import { useInfiniteQuery } from '@tanstack/react-query';
import { listAuditLog } from '../../../contracts/tenants';
import { isRole, ROLE_INFO } from '../../../domain/roles';
import { api } from '../../lib/api';
import { capabilities, useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Button } from '../../ui/button';
import { WarekiDateTime } from '../../ui/dates';
import { PageHeader } from '../../ui/page';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { TableScroll } from '../../ui/table-scroll';

const ENTITY_LABELS: Record<string, string> = {
  area: '地域',
  area_statistics: '人口統計',
  population_import: '人口統計の取り込み',
  membership: '利用者の役割',
  invitation: '招待',
  session: 'ログイン',
  user: '利用者',
  tenant: '団体',
};

const ACTION_LABELS: Record<string, string> = {
  create: '追加',
  update: '変更',
  remove: '削除',
  put: '入力',
  commit: '保存',
  export: '書き出し',
  grant: '役割の付与',
  revoke: '取り消し',
  accept: '受け入れ',
  login: 'ログイン',
  login_failed: 'ログイン失敗',
  logout: 'ログアウト',
  change_password: 'パスワード変更',
  set_boundary: '境界の取り込み',
  clear_boundary: '境界の削除',
};

const DETAIL_KEYS: Record<string, string> = {
  name: '名称',
  role: '役割',
  rows: '行数',
  fileName: 'ファイル',
  createdAreas: '追加した地区',
  format: '形式',
  count: '件数',
  ip: '接続元',
  email: 'メールアドレス',
  kana: 'よみがな',
  layer: '層',
  kind: '種別',
  parentId: '上位の地域',
  townNames: '町丁',
  sortOrder: '並び順',
  validFromFy: '使い始める年度',
  validToFy: '使い終える年度',
  insurerNumber: '保険者番号',
  openDataLicence: 'オープンデータのライセンス',
  portalContact: '公開ページの問い合わせ先',
};

function show(key: string, value: unknown): string {
  if (key === 'role' && typeof value === 'string' && isRole(value)) return ROLE_INFO[value].label;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A short Japanese rendering of an entry's detail; raw JSON only for keys we do not know. */
export function describeDetail(detail: Record<string, unknown> | null): string {
  if (!detail) return '';
  return Object.entries(detail)
    .map(([k, v]) => {
      if (v && typeof v === 'object' && 'from' in v && 'to' in v) {
        const c = v as { from: unknown; to: unknown };
        return `${DETAIL_KEYS[k] ?? k}：${show(k, c.from)} → ${show(k, c.to)}`;
      }
      return `${DETAIL_KEYS[k] ?? k}：${show(k, v)}`;
    })
    .join('、');
}

const PAGE = 50;

/** 操作記録: newest first, 50 at a time, older pages by `nextBefore`. */
export function AuditPage() {
  usePageTitle('操作記録');
  const scope = useTenantScope();
  const allowed = capabilities(scope).readAudit;
  const query = useInfiniteQuery({
    queryKey: ['audit', scope.code],
    queryFn: ({ pageParam, signal }) =>
      api(listAuditLog, {
        params: { tenant: scope.code },
        query: { before: pageParam ?? undefined, limit: PAGE },
        signal,
      }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBefore,
    enabled: allowed,
  });
  if (!allowed) {
    return (
      <>
        <PageHeader title="操作記録" />
        <Notice>
          <p>操作記録は保険者職員だけが見られます。</p>
        </Notice>
      </>
    );
  }
  const entries = query.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <>
      <PageHeader title="操作記録" lead="誰が、いつ、何を変えたかの記録です（新しい順）。" />
      {query.isPending && <Loading />}
      {query.isError && <ErrorNotice error={query.error} />}
      {query.data && entries.length === 0 && <p>記録はまだありません。</p>}
      {entries.length > 0 && (
        <TableScroll label="操作記録">
          <table className="table">
            <caption>操作記録（{entries.length}件を表示）</caption>
            <thead>
              <tr>
                <th scope="col">日時</th>
                <th scope="col">操作した人</th>
                <th scope="col">対象</th>
                <th scope="col">操作</th>
                <th scope="col">内容</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td className="nowrap">
                    <WarekiDateTime instant={e.at} />
                  </td>
                  <td>{e.actorLabel}</td>
                  <td>{ENTITY_LABELS[e.entity] ?? e.entity}</td>
                  <td>{ACTION_LABELS[e.action] ?? e.action}</td>
                  <td className="wrap">{describeDetail(e.detail)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <div aria-live="polite">
        {query.isFetchingNextPage && <Loading label="さらに古い記録を読み込んでいます…" />}
      </div>
      {query.hasNextPage && (
        <Button variant="secondary" onClick={() => query.fetchNextPage()} busy={query.isFetchingNextPage}>
          さらに古い記録を表示
        </Button>
      )}
    </>
  );
}
