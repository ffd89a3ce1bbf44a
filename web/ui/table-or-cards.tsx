import type { ReactNode } from 'react';
import { TableScroll } from './table-scroll';

/**
 * A list as a table on a desk and as cards on a phone. Both are in the page and the width picks
 * one (`.table-or-cards__*` in workspace.css); each sits in its own box so that the switch never
 * fights the display of the table or of the cards' list.
 */
export function TableOrCards({
  label,
  tableLabel = label,
  caption,
  tableClass,
  head,
  rows,
  cardsClass,
  cards,
}: {
  /** The list's name, read out for the cards and (unless `tableLabel`) the table's scrolling box. */
  label: string;
  tableLabel?: string;
  /** The table's caption, for screen readers only (what it lists, in what order). */
  caption: ReactNode;
  tableClass: string;
  /** The header cells (`<th scope="col">`). */
  head: ReactNode;
  rows: ReactNode;
  cardsClass: string;
  /** The cards (`<li>`). */
  cards: ReactNode;
}) {
  return (
    <>
      <div className="table-or-cards__wide">
        <TableScroll label={tableLabel}>
          <table className={`table ${tableClass}`}>
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>{head}</tr>
            </thead>
            <tbody>{rows}</tbody>
          </table>
        </TableScroll>
      </div>
      <div className="table-or-cards__narrow">
        <ul className={cardsClass} aria-label={label}>
          {cards}
        </ul>
      </div>
    </>
  );
}
