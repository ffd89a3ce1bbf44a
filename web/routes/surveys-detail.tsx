import { useParams } from 'react-router';
import { LazyPage, SurveyDetailPage } from './surveys-lazy';

/** /app/t/:tenant/surveys/:id */
export function SurveyRoute() {
  const { id = '' } = useParams();
  return (
    <LazyPage>
      <SurveyDetailPage key={id} id={id} />
    </LazyPage>
  );
}
