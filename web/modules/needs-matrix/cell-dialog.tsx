import { AlertTriangle, Eye, X } from 'lucide-react';
import { useEffect, useId, useRef } from 'react';
import { Link } from 'react-router';
import { formatWareki } from '../../../domain/dates';
import { needSourceLabel, needStatusLabel } from '../../../domain/needs';
import { paths } from '../../lib/paths';
import { Button } from '../../ui/button';
import { ErrorNotice, Loading } from '../../ui/status';
import { needPaths } from '../needs/paths';
import { type CellDetail, countText, periodText, reachedFromAbove } from './matrix';
import type { OpenCell } from './matrix-table';
import { type MatrixChoice, useMatrixCell } from './queries';

/**
 * What lies behind one cell, in a modal dialog: focus moves to its title, Escape or 閉じる closes
 * it and the caller puts the focus back on the cell. The needs are listed only for those who may
 * read them; everyone else gets the count.
 */
export function CellDialog({
  tenant,
  choice,
  open,
  onClose,
}: {
  tenant: string;
  choice: MatrixChoice;
  open: OpenCell;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  const detail = useMatrixCell(tenant, choice, open.area.id, open.category.code);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // Removing the element (when the page goes elsewhere) takes it out of the top layer; no close here,
    // whose late event would shut the dialog that StrictMode opens a second time.
    if (!dialog.open) dialog.showModal();
    title.current?.focus();
  }, []);

  const close = () => ref.current?.close();

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop is the mouse's Escape (native to <dialog>)
    <dialog
      ref={ref}
      className="nm-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(e) => {
        if (e.target === e.currentTarget) close();
      }}
    >
      <div className="nm-dialog__panel">
        <div className="nm-dialog__head">
          <h2 id={titleId} ref={title} tabIndex={-1}>
            {open.area.name} × {open.category.name}
          </h2>
          <Button variant="quiet" small onClick={close} icon={<X aria-hidden="true" size={18} />}>
            閉じる
          </Button>
        </div>
        <p className="muted">{periodText(choice.fy ?? null)}</p>
        {open.cell.gap && (
          <p className="nm-gap-note">
            <span className="nm-gap">
              <AlertTriangle aria-hidden="true" size={16} />
              空白
            </span>
            未対応の困りごとがあり、この地域にも、その中にも、上の層（圏域・町全体）にも、この分類の地域資源がありません。
          </p>
        )}
        {reachedFromAbove(open.cell) && (
          <p className="nm-note">
            この地域の中にこの分類の地域資源はありませんが、圏域や町全体の地域資源が届くため、空白とはしていません。
          </p>
        )}
        {detail.isPending && <Loading />}
        {detail.isError && <ErrorNotice error={detail.error} />}
        {detail.data && <CellContent tenant={tenant} open={open} detail={detail.data} />}
        <div className="button-row">
          <Button variant="secondary" onClick={close}>
            閉じる
          </Button>
        </div>
      </div>
    </dialog>
  );
}

function CellContent({ tenant, open, detail }: { tenant: string; open: OpenCell; detail: CellDetail }) {
  const search = new URLSearchParams({ area: open.area.id, category: open.category.code }).toString();
  const hidden = detail.needs ? detail.openNeeds - detail.needs.length : 0;
  return (
    <>
      <section aria-labelledby="nm-dialog-resources">
        <h3 id="nm-dialog-resources">地域資源（この地域の中に {countText(detail.resources.length)}件）</h3>
        {detail.resources.length === 0 ? (
          <p>この地域の中に、この分類の地域資源はありません。</p>
        ) : (
          <ul className="nm-list">
            {detail.resources.map((r) => (
              <li key={r.id}>
                <Link to={paths.resource(tenant, r.id)}>{r.name}</Link>
                <span className="nm-list__meta">
                  {[r.schedule, r.areaNames.join('・')].filter(Boolean).join('／')}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to={paths.resources(tenant, search)}>
            圏域・町全体のものも含めて、地域資源の一覧で見る（{open.category.name}・{open.area.name}）
          </Link>
        </p>
      </section>
      <section aria-labelledby="nm-dialog-needs">
        <h3 id="nm-dialog-needs">未対応の困りごと（{countText(detail.openNeeds)}件）</h3>
        {detail.needs === null ? (
          <p className="nm-count-only">
            困りごと {countText(detail.openNeeds)}件（個人に関わるため件数のみ表示）
          </p>
        ) : detail.needs.length === 0 && hidden === 0 ? (
          <p>未対応の困りごとはありません。</p>
        ) : (
          <>
            <p className="nm-privacy">
              <Eye aria-hidden="true" size={16} />
              この一覧の閲覧は記録されます。お名前は各困りごとの画面でご覧ください。
            </p>
            <ul className="nm-list">
              {detail.needs.map((n) => (
                <li key={n.id}>
                  <Link to={needPaths.need(tenant, n.id)}>{n.summary || `${n.categoryName}の困りごと`}</Link>
                  <span className="nm-list__meta">
                    {needStatusLabel(n.status)}・{countText(n.people)}人・
                    <time dateTime={n.raisedOn} title={n.raisedOn}>
                      {formatWareki(n.raisedOn)}
                    </time>
                    ・{needSourceLabel(n.source)}
                    {n.areaName !== open.area.name && `・${n.areaName}`}
                  </span>
                </li>
              ))}
            </ul>
            {hidden > 0 && (
              <p className="nm-count-only">
                ほかに、担当外の地域の困りごとが {countText(hidden)}件あります（件数のみ表示）。
              </p>
            )}
          </>
        )}
      </section>
    </>
  );
}
