import { useParams } from 'react-router';
import { LazyPage, ResourceHistoryPage } from './resources-lazy';

/** /app/t/:tenant/resources/:id/history */
export function ResourceHistoryRoute() {
  const { id = '' } = useParams();
  return (
    <LazyPage>
      <ResourceHistoryPage key={id} id={id} />
    </LazyPage>
  );
}
