import { useParams } from 'react-router';
import { AreaEditPage } from '../modules/areas';

/** /app/t/:tenant/areas/:id/edit */
export function AreaEditRoute() {
  const { id = '' } = useParams();
  return <AreaEditPage key={id} id={id} />;
}
