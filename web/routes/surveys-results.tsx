import { useParams } from 'react-router';
import { LazyPage, SurveyResultsPage } from './surveys-lazy';

/** /app/t/:tenant/surveys/:id/results */
export function SurveyResultsRoute() {
  const { id = '' } = useParams();
  return (
    <LazyPage>
      <SurveyResultsPage key={id} id={id} />
    </LazyPage>
  );
}
