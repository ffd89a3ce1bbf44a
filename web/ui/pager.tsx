import { buttonClass } from './button';

/**
 * 前の／次のページ for the workspace lists (地域資源, 困りごと, 住民): whole pages of `perPage`,
 * with the position in words. Nothing is shown when everything fits on one page.
 */
export function Pager({
  page,
  lastPage,
  perPage,
  unit = '件',
  onPage,
}: {
  page: number;
  lastPage: number;
  perPage: number;
  /** 件 for things, 人 for people. */
  unit?: string;
  onPage: (page: number) => void;
}) {
  if (lastPage <= 1) return null;
  return (
    <nav className="pager" aria-label="ページ">
      <button
        type="button"
        className={buttonClass('secondary', true)}
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        前の{perPage}
        {unit}
      </button>
      <span>
        {page} / {lastPage} ページ
      </span>
      <button
        type="button"
        className={buttonClass('secondary', true)}
        disabled={page >= lastPage}
        onClick={() => onPage(page + 1)}
      >
        次の{perPage}
        {unit}
      </button>
    </nav>
  );
}
