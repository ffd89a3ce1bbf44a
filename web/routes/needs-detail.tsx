import { useParams } from 'react-router';
import { LazyPage, NeedDetailPage, NeedMatching } from './needs-lazy';

/** /app/t/:tenant/needs/:id — the need, then its つなぎ and the candidates to connect it with. */
export function NeedRoute() {
  const { id = '' } = useParams();
  return (
    <LazyPage>
      <NeedDetailPage key={id} id={id} after={(n) => <NeedMatching needId={n.id} canEdit={n.canEdit} />} />
    </LazyPage>
  );
}
