import { lazy } from 'react';
import { LazyPage } from './resources-lazy';

/* The page (with its map and tables) loads when first opened, so that the login and the other pages stay quick. */
const NeedsMatrixPage = lazy(async () => ({
  default: (await import('../modules/needs-matrix')).NeedsMatrixPage,
}));

/** /app/t/:tenant/needs-matrix (choices in the query: ?layer=3&fy=2025&map=per1000&order=gaps) */
export function NeedsMatrixRoute() {
  return (
    <LazyPage>
      <NeedsMatrixPage />
    </LazyPage>
  );
}
