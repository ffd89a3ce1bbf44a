import { Link } from 'react-router';
import type { Snapshot } from '../../../contracts/areas';
import { formatCount, formatPercent } from '../../../domain/population';
import { paths } from '../../lib/paths';
import { useTenantScope } from '../../lib/session';
import { WarekiDate } from '../../ui/dates';
import { ErrorNotice, Loading } from '../../ui/status';
import { useAreaList } from './queries';

function Figure({ label, value, unit }: { label: string; value: string; unit?: string }) {
  return (
    <div className="figure">
      <dt>{label}</dt>
      <dd>
        {value}
        {unit && value !== '—' && <span className="figure__unit">{unit}</span>}
      </dd>
    </div>
  );
}

export function HeadlineFigureList({ snapshot }: { snapshot: Snapshot }) {
  return (
    <dl className="figures">
      <Figure label="総人口" value={formatCount(snapshot.total)} unit="人" />
      <Figure label="65歳以上" value={formatCount(snapshot.aged65)} unit="人" />
      <Figure label="75歳以上" value={formatCount(snapshot.aged75)} unit="人" />
      <Figure label="高齢化率" value={formatPercent(snapshot.agingRate)} />
      <Figure label="世帯数" value={formatCount(snapshot.households)} unit="世帯" />
    </dl>
  );
}

/** The town's headline figures: the 第1層 area's snapshot at the tenant's latest date. */
export function HeadlineFigures() {
  const scope = useTenantScope();
  const list = useAreaList(scope.code, undefined, false);
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorNotice error={list.error} />;
  const root = list.data.areas.find((a) => a.layer === 1);
  const latest = root?.latest ?? null;
  if (!root || !latest) {
    return (
      <p>
        人口統計はまだありません。
        <Link to={paths.populationImport(scope.code)}>人口統計を取り込む</Link>
        と、ここに町の人口と高齢化率が表示されます。
      </p>
    );
  }
  return (
    <section aria-labelledby="headline-title">
      <h2 id="headline-title">
        {root.name}の人口（
        <WarekiDate date={latest.asOf} suffix="現在" />）
      </h2>
      <HeadlineFigureList snapshot={latest} />
      <p className="muted">
        {latest.source === 'children'
          ? `下位の地域の合計です（${latest.coveredChildren}/${latest.totalChildren} 地域）。`
          : '町全体の値です。'}
        <Link to={paths.area(scope.code, root.id)}>推移を見る</Link>
      </p>
    </section>
  );
}
