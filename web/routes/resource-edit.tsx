import { useParams } from 'react-router';
import { LazyPage, ResourceEditPage } from './resources-lazy';

/** /app/t/:tenant/resources/:id/edit */
export function ResourceEditRoute() {
  const { id = '' } = useParams();
  return (
    <LazyPage>
      <ResourceEditPage key={id} id={id} />
    </LazyPage>
  );
}
