import { AlertTriangle } from 'lucide-react';
import type { CSSProperties, KeyboardEvent } from 'react';
import { TableScroll } from '../../ui/table-scroll';
import { GROUP_STYLE } from '../resources/categories';
import {
  cellIndex,
  countText,
  type Matrix,
  type MatrixArea,
  type MatrixCategory,
  type MatrixCell,
  needsText,
  perThousandText,
  reachedFromAbove,
  resourcesText,
  usedCategories,
} from './matrix';

export type RowOrder = 'tree' | 'gaps' | 'needs';

export const ROW_ORDERS: { value: RowOrder; label: string }[] = [
  { value: 'tree', label: '地域の順' },
  { value: 'gaps', label: '空白の多い順' },
  { value: 'needs', label: '困りごとの多い順' },
];

export function orderRows(areas: readonly MatrixArea[], order: RowOrder): MatrixArea[] {
  if (order === 'tree') return [...areas];
  const k = order === 'gaps' ? (a: MatrixArea) => a.gaps : (a: MatrixArea) => a.openNeeds;
  return areas
    .map((a, i) => ({ a, i }))
    .sort((x, y) => k(y.a) - k(x.a) || x.i - y.i)
    .map(({ a }) => a);
}

export interface OpenCell {
  area: MatrixArea;
  category: MatrixCategory;
  cell: MatrixCell;
}

/** Moves the focus to the nearest cell with a button in the direction of an arrow key. */
function moveFocus(e: KeyboardEvent<HTMLButtonElement>, rows: number, cols: number) {
  const delta = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[e.key];
  if (!delta) return;
  const [r0, c0] = (e.currentTarget.dataset.cell ?? '').split(':').map(Number);
  const table = e.currentTarget.closest('table');
  if (r0 === undefined || c0 === undefined || !table) return;
  e.preventDefault();
  let [r, c] = [r0 + delta[0]!, c0 + delta[1]!];
  while (r >= 0 && r < rows && c >= 0 && c < cols) {
    const next = table.querySelector<HTMLButtonElement>(`[data-cell="${r}:${c}"]`);
    if (next) {
      next.focus();
      return;
    }
    r += delta[0]!;
    c += delta[1]!;
  }
}

/**
 * Areas × categories. Each cell that has anything is a button that opens what lies behind it; a
 * 空白 says so in words, with an icon and a colour. The first column and the header stay in view.
 */
export function MatrixTable({
  matrix,
  caption,
  parentNames,
  order,
  onlyNeeds = false,
  onOpen,
}: {
  matrix: Matrix;
  caption: string;
  parentNames?: ReadonlyMap<string, string>;
  order: RowOrder;
  /** Only the categories in which some area has open needs. */
  onlyNeeds?: boolean;
  onOpen: (open: OpenCell, from: HTMLElement) => void;
}) {
  const columns = usedCategories(matrix, onlyNeeds);
  const rows = orderRows(matrix.areas, order);
  const cellAt = cellIndex(matrix);
  const rowLabel = matrix.layer === 3 ? '地区' : '圏域';
  return (
    <div className="nm-matrix">
      <TableScroll label="対比表（縦・横にスクロールできます）">
        <table className="table nm-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="nm-corner">
                {rowLabel}
                <span className="nm-sub">65歳以上人口</span>
              </th>
              {columns.map((c) => (
                <ColumnHeader key={c.code} category={c} />
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((area, r) => {
              const parent = area.parentId ? parentNames?.get(area.parentId) : undefined;
              return (
                <tr key={area.id}>
                  <th scope="row">
                    <span className="nm-area">{area.name}</span>
                    {matrix.layer === 3 && parent && <span className="nm-sub">{parent}</span>}
                    <span className="nm-sub">
                      {area.aged65 === null ? '65歳以上 —' : `65歳以上 ${countText(area.aged65)}人`}
                    </span>
                    {area.gaps > 0 && <span className="nm-row-gaps">空白 {countText(area.gaps)}</span>}
                  </th>
                  {columns.map((category, c) => {
                    const cell = cellAt(area.id, category.code);
                    if (!cell)
                      return (
                        <td key={category.code} className="nm-cell nm-cell--empty">
                          <span aria-hidden="true">—</span>
                          <span className="visually-hidden">なし</span>
                        </td>
                      );
                    const rate = perThousandText(cell);
                    const kind = cell.gap ? 'gap' : cell.openNeeds > 0 ? 'needs' : 'resources';
                    return (
                      <td key={category.code} className={`nm-cell nm-cell--${kind}`}>
                        <button
                          type="button"
                          className="nm-cell__button"
                          data-cell={`${r}:${c}`}
                          onClick={(e) => onOpen({ area, category, cell }, e.currentTarget)}
                          onKeyDown={(e) => moveFocus(e, rows.length, columns.length)}
                        >
                          <span className="visually-hidden">
                            {area.name}・{category.name}：
                          </span>
                          {cell.gap && (
                            <span className="nm-gap">
                              <AlertTriangle aria-hidden="true" size={16} />
                              空白
                            </span>
                          )}
                          <span className={cell.openNeeds > 0 ? 'nm-needs' : 'nm-none'}>
                            {needsText(cell)}
                          </span>
                          <span className={cell.resources > 0 ? 'nm-res' : 'nm-none'}>
                            {resourcesText(cell)}
                          </span>
                          {reachedFromAbove(cell) && (
                            <span className="nm-rate">圏域・町全体の資源が届く</span>
                          )}
                          {rate && <span className="nm-rate">{rate}</span>}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

/** The 住民向けの大分類 of a category (its colour and icon), or その他. */
export function groupKey(group: string): keyof typeof GROUP_STYLE {
  return Object.hasOwn(GROUP_STYLE, group) ? (group as keyof typeof GROUP_STYLE) : 'other';
}

function ColumnHeader({ category }: { category: MatrixCategory }) {
  const style = GROUP_STYLE[groupKey(category.group)];
  const Icon = style.icon;
  return (
    <th scope="col" className="nm-col" style={{ '--cat': style.color } as CSSProperties}>
      <span className="nm-col__name">
        <Icon aria-hidden="true" size={16} />
        {category.name}
      </span>
    </th>
  );
}
