import { useParams } from 'react-router';
import { LazyPage, SurveyInterviewPage } from './surveys-lazy';

/** /app/t/:tenant/surveys/:id/interview */
export function SurveyInterviewRoute() {
  const { id = '' } = useParams();
  return (
    <LazyPage>
      <SurveyInterviewPage key={id} id={id} />
    </LazyPage>
  );
}
