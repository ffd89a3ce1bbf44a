import { useParams } from 'react-router';
import { AreaDetailPage } from '../modules/areas';

/** /app/t/:tenant/areas/:id */
export function AreaRoute() {
  const { id = '' } = useParams();
  return <AreaDetailPage key={id} id={id} />;
}
