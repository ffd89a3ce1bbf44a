import { useSearchParams } from 'react-router';
import { AreaNewPage } from '../modules/areas';

/** /app/t/:tenant/areas/new?parent=<id> */
export function AreaNewRoute() {
  const [search] = useSearchParams();
  const parent = search.get('parent');
  return <AreaNewPage key={parent ?? ''} parentId={parent} />;
}
