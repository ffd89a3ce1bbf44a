import { useParams } from 'react-router';
import { LazyPage, ResourceDetailPage } from './resources-lazy';

/** /app/t/:tenant/resources/:id */
export function ResourceRoute() {
  const { id = '' } = useParams();
  return (
    <LazyPage>
      <ResourceDetailPage key={id} id={id} />
    </LazyPage>
  );
}
