import { useParams } from 'react-router';
import { LazyPage, NeedDetailPage } from './needs-lazy';

/** /app/t/:tenant/needs/:id */
export function NeedRoute() {
  const { id = '' } = useParams();
  return (
    <LazyPage>
      <NeedDetailPage key={id} id={id} />
    </LazyPage>
  );
}
