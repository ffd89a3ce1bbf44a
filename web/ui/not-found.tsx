import type { ReactNode } from 'react';
import { PageHeader } from './page';

/** A friendly 404 inside the shell; `children` offers the ways back. */
export function NotFoundContent({ what, children }: { what?: string; children?: ReactNode }) {
  return (
    <>
      <PageHeader title={`${what ?? 'ページ'}が見つかりません`} />
      <p>
        お探しの{what ?? 'ページ'}は、移動したか、削除されたか、このアカウントでは見られない可能性があります。
        アドレスに誤りがないかも確かめてください。
      </p>
      {children}
    </>
  );
}
