import { ClipboardCheck, FileUp, MapPinned, NotebookPen, Sprout, Users, UsersRound } from 'lucide-react';
import { Link } from 'react-router';
import { fiscalYearLabel, fiscalYearOf, planPeriodOf, todayInTokyo } from '../../domain/dates';
import { paths } from '../lib/paths';
import { capabilities, roleLabel, useTenantScope, useUser } from '../lib/session';
import { usePageTitle } from '../lib/title';
import { activityPaths, logsActivities } from '../modules/activities/paths';
import { HeadlineFigures } from '../modules/areas';
import { councilPaths, keepsTasks } from '../modules/councils/paths';
import { FictionalBadge } from '../ui/badge';
import { PageHeader } from '../ui/page';
import { Notice } from '../ui/status';
import { LazyPage, TaskList } from './councils-lazy';
import { TodayWidget } from './needs-lazy';

/** /app/t/:tenant — the town at a glance. */
export function HomeRoute() {
  usePageTitle('ホーム');
  const scope = useTenantScope();
  const user = useUser();
  const can = capabilities(scope);
  const fy = fiscalYearOf(todayInTokyo());
  return (
    <>
      <PageHeader
        title={
          <>
            {scope.name} {scope.fictional && <FictionalBadge />}
          </>
        }
        lead={`${fiscalYearLabel(fy)}・介護保険事業計画 ${planPeriodOf(fy).label}`}
      />
      {scope.fictional && (
        <Notice>
          <p>ささえ町は、使い方を試すための架空の町です。人も数字も実在しません。</p>
        </Notice>
      )}
      <p>
        {user.displayName}さん（{roleLabel(scope)}）
      </p>
      <LazyPage>
        <TodayWidget />
      </LazyPage>
      <HeadlineFigures />
      {/* Its own component, so that other lists (e.g. 今日の確認 of referrals) can stand beside it. */}
      {keepsTasks(scope) && (
        <LazyPage>
          <TaskList limit={5} />
        </LazyPage>
      )}
      <h2>よく使う画面</h2>
      <ul className="link-cards">
        {logsActivities(scope) && (
          <li>
            <Link to={activityPaths.quick(scope.code)}>
              <NotebookPen aria-hidden="true" size={28} />
              <span>
                <strong>活動を記録</strong>
                <span className="muted">訪問・相談・会議をその場で記録（スマートフォン向け）</span>
              </span>
            </Link>
          </li>
        )}
        <li>
          <Link to={councilPaths.councils(scope.code)}>
            <UsersRound aria-hidden="true" size={28} />
            <span>
              <strong>協議体</strong>
              <span className="muted">
                {scope.role === 'council_member'
                  ? 'あなたが委員を務める協議体の会議・議事録・プロジェクト'
                  : '会議の準備、議事録、部会とプロジェクト'}
              </span>
            </span>
          </Link>
        </li>
        <li>
          <Link to={paths.areas(scope.code)}>
            <MapPinned aria-hidden="true" size={28} />
            <span>
              <strong>地域と人口</strong>
              <span className="muted">圏域・地区ごとの人口と高齢化率、推移</span>
            </span>
          </Link>
        </li>
        <li>
          <Link to={paths.resources(scope.code)}>
            <Sprout aria-hidden="true" size={28} />
            <span>
              <strong>地域資源</strong>
              <span className="muted">通いの場・サロン・移動販売・見守りなどを探す、地図で見る</span>
            </span>
          </Link>
        </li>
        <li>
          <Link to={paths.resourcesReview(scope.code)}>
            <ClipboardCheck aria-hidden="true" size={28} />
            <span>
              <strong>要確認</strong>
              <span className="muted">確認期限を過ぎた資源を確かめて「確認済み」にする</span>
            </span>
          </Link>
        </li>
        {can.importStatistics && (
          <li>
            <Link to={paths.populationImport(scope.code)}>
              <FileUp aria-hidden="true" size={28} />
              <span>
                <strong>人口統計の取り込み</strong>
                <span className="muted">住民基本台帳の町丁別人口（CSV）を読み込む</span>
              </span>
            </Link>
          </li>
        )}
        <li>
          <Link to={paths.members(scope.code)}>
            <Users aria-hidden="true" size={28} />
            <span>
              <strong>利用者</strong>
              <span className="muted">
                {can.manageMembers ? '役割の変更と招待' : 'この団体でささえあいを使っている人'}
              </span>
            </span>
          </Link>
        </li>
      </ul>
    </>
  );
}
