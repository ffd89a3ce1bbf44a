import { useParams } from 'react-router';
import { LazyPage, ResidentDetailPage } from './needs-lazy';

/** /app/t/:tenant/residents/:id */
export function ResidentRoute() {
  const { id = '' } = useParams();
  return (
    <LazyPage>
      <ResidentDetailPage key={id} id={id} />
    </LazyPage>
  );
}
