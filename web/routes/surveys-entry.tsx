import { useParams } from 'react-router';
import { LazyPage, SurveyEntryPage } from './surveys-lazy';

/** /app/t/:tenant/surveys/:id/entry */
export function SurveyEntryRoute() {
  const { id = '' } = useParams();
  return (
    <LazyPage>
      <SurveyEntryPage key={id} id={id} />
    </LazyPage>
  );
}
