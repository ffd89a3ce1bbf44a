import { useParams } from 'react-router';
import { LazyPage, ResidentEditPage } from './needs-lazy';

/** /app/t/:tenant/residents/:id/edit */
export function ResidentEditRoute() {
  const { id = '' } = useParams();
  return (
    <LazyPage>
      <ResidentEditPage key={id} id={id} />
    </LazyPage>
  );
}
