import { useParams } from 'react-router';
import { LazyPage, SurveyImportPage } from './surveys-lazy';

/** /app/t/:tenant/surveys/:id/import */
export function SurveyImportRoute() {
  const { id = '' } = useParams();
  return (
    <LazyPage>
      <SurveyImportPage key={id} id={id} />
    </LazyPage>
  );
}
