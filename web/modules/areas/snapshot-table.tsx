import type { Snapshot } from '../../../contracts/areas';
import { formatCount, formatPercent } from '../../../domain/population';
import { WarekiDate } from '../../ui/dates';
import { TableScroll } from '../../ui/table-scroll';
import { sourceLabel } from './figures';

/** Every statistics snapshot of an area, oldest first: the primary content of the detail page. */
export function SnapshotTable({ snapshots, caption }: { snapshots: readonly Snapshot[]; caption: string }) {
  return (
    <TableScroll label={caption}>
      <table className="table table--sticky">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">基準日</th>
            <th scope="col" className="num">
              総人口
            </th>
            <th scope="col" className="num">
              男性
            </th>
            <th scope="col" className="num">
              女性
            </th>
            <th scope="col" className="num">
              65歳以上
            </th>
            <th scope="col" className="num">
              75歳以上
            </th>
            <th scope="col" className="num">
              高齢化率
            </th>
            <th scope="col" className="num head-wrap">
              75歳以上の割合
            </th>
            <th scope="col" className="num">
              世帯数
            </th>
            <th scope="col" className="num head-wrap">
              要介護認定者数
            </th>
            <th scope="col">値のもと</th>
          </tr>
        </thead>
        <tbody>
          {snapshots.map((s) => (
            <tr key={s.asOf}>
              <th scope="row" className="nowrap">
                <WarekiDate date={s.asOf} />
              </th>
              <td className="num">{formatCount(s.total)}</td>
              <td className="num">{formatCount(s.male)}</td>
              <td className="num">{formatCount(s.female)}</td>
              <td className="num">{formatCount(s.aged65)}</td>
              <td className="num">{formatCount(s.aged75)}</td>
              <td className="num">{formatPercent(s.agingRate)}</td>
              <td className="num">{formatPercent(s.rate75)}</td>
              <td className="num">{formatCount(s.households)}</td>
              <td className="num">{formatCount(s.careCertified)}</td>
              <td className="wrap wrap--narrow">{sourceLabel(s)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
