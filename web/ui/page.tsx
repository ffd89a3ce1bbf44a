import { type ReactNode, useEffect, useRef } from 'react';

let firstPage = true;

/**
 * The page's h1 and its actions. After a client-side navigation the heading takes the focus, so
 * that screen-reader users hear where they arrived (the first page load keeps the browser's default).
 */
export function PageHeader({
  title,
  lead,
  actions,
}: {
  title: ReactNode;
  lead?: ReactNode;
  actions?: ReactNode;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <div className="page-header">
      <div>
        <h1 ref={ref} tabIndex={-1}>
          {title}
        </h1>
        {lead && <p className="page-header__lead">{lead}</p>}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </div>
  );
}

export interface Crumb {
  label: string;
  to?: string;
}

/** Breadcrumb trail; the link renderer comes from the caller so that ui/ needs no router. */
export function Breadcrumb({
  items,
  renderLink,
}: {
  items: Crumb[];
  renderLink: (to: string, label: string) => ReactNode;
}) {
  return (
    <nav className="breadcrumb" aria-label="現在地">
      <ol>
        {items.map((c) => (
          <li key={`${c.to ?? 'here'}:${c.label}`}>
            {c.to ? renderLink(c.to, c.label) : <span aria-current="page">{c.label}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
