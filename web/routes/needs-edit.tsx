import { useParams } from 'react-router';
import { LazyPage, NeedEditPage } from './needs-lazy';

/** /app/t/:tenant/needs/:id/edit */
export function NeedEditRoute() {
  const { id = '' } = useParams();
  return (
    <LazyPage>
      <NeedEditPage key={id} id={id} />
    </LazyPage>
  );
}
