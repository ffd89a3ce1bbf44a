import { useParams } from 'react-router';
import { LazyPage, ResidentDetailPage, ResidentMatching } from './needs-lazy';

/** /app/t/:tenant/residents/:id — the person, then their つなぎ and what could meet their needs and interests. */
export function ResidentRoute() {
  const { id = '' } = useParams();
  return (
    <LazyPage>
      <ResidentDetailPage
        key={id}
        id={id}
        after={(r) => <ResidentMatching residentId={r.id} canEdit={r.canEdit} />}
      />
    </LazyPage>
  );
}
