import { Menu, X } from 'lucide-react';
import { type ReactNode, useState } from 'react';

interface ShellProps {
  brand: ReactNode;
  tenant?: ReactNode;
  tools?: ReactNode;
  /** The list items of the main navigation (`<li>` elements). */
  nav?: ReactNode;
  /** Changes whenever the page changes, to fold the phone menu again. */
  pageKey?: string;
  children: ReactNode;
  footer?: ReactNode;
}

/** Header, navigation and main area of the staff workspace, with a skip link. */
export function Shell({ brand, tenant, tools, nav, pageKey, children, footer }: ShellProps) {
  const [open, setOpen] = useState(false);
  const [lastKey, setLastKey] = useState(pageKey);
  if (lastKey !== pageKey) {
    setLastKey(pageKey);
    setOpen(false);
  }
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        本文へ移動
      </a>
      <header className="shell-header">
        <div className="shell-header__bar">
          {brand}
          {tenant && <div className="shell-header__tenant">{tenant}</div>}
          <div className="shell-header__spacer" />
          {tools && <div className="shell-header__tools">{tools}</div>}
        </div>
      </header>
      <div className="shell-body">
        {nav ? (
          <nav className="shell-nav" aria-label="主なメニュー" data-open={open}>
            <div className="shell-nav__toggle">
              <button
                type="button"
                className="button button--quiet"
                aria-expanded={open}
                onClick={() => setOpen((o) => !o)}
              >
                {open ? <X aria-hidden="true" size={20} /> : <Menu aria-hidden="true" size={20} />}
                メニュー
              </button>
            </div>
            <ul className="shell-nav__list">{nav}</ul>
          </nav>
        ) : (
          <div />
        )}
        <main id="main" className="shell-main" tabIndex={-1}>
          {children}
        </main>
      </div>
      {footer && <footer className="shell-footer">{footer}</footer>}
    </div>
  );
}
