import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { QuestionnaireDefinition } from '../../../domain/questionnaire';
import { ApiError } from '../../lib/api';
import { useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { NotFoundContent } from '../../ui/not-found';
import { Breadcrumb, PageHeader } from '../../ui/page';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { definitionOf } from './definition';
import { canEnterAnswers, canManageSurveys, surveyPaths } from './paths';
import { useSurvey } from './queries';

export type SurveyDetail = NonNullable<ReturnType<typeof useSurvey>['data']>;

export function SurveyNotFound() {
  const scope = useTenantScope();
  return (
    <NotFoundContent what="調査">
      <p>
        <Link to={surveyPaths.surveys(scope.code)}>アンケートの一覧へ</Link>
      </p>
    </NotFoundContent>
  );
}

/**
 * The frame of a page under one survey (入力, 聞き取り, 取り込み, 集計): breadcrumb, heading, and the
 * survey and its questionnaire once loaded. Pages with `need` tell other roles who may use them.
 */
export function SurveyFrame({
  id,
  page,
  lead,
  need,
  children,
}: {
  id: string;
  page: string;
  lead?: ReactNode;
  /** Who may use the page: those who enter answers, or those who manage surveys (imports). */
  need?: 'answers' | 'manage';
  children: (detail: SurveyDetail, def: QuestionnaireDefinition) => ReactNode;
}) {
  const scope = useTenantScope();
  const detail = useSurvey(scope.code, id);
  const title = detail.data?.survey.title;
  usePageTitle(title ? `${page}：${title}` : page);
  const header = (
    <>
      <Breadcrumb
        items={[
          { label: 'アンケート', to: surveyPaths.surveys(scope.code) },
          { label: title ?? '調査', to: surveyPaths.survey(scope.code, id) },
          { label: page },
        ]}
        renderLink={(to, label) => <Link to={to}>{label}</Link>}
      />
      <PageHeader title={title ? `${page}：${title}` : page} lead={lead} />
    </>
  );
  if ((need === 'answers' && !canEnterAnswers(scope)) || (need === 'manage' && !canManageSurveys(scope)))
    return (
      <>
        {header}
        <Notice tone="warning">
          <p>
            {need === 'answers'
              ? '回答の入力は、保険者職員と生活支援コーディネーターが行えます。'
              : 'ファイルからの取り込みは、保険者職員と第1層コーディネーターが行えます。'}
          </p>
        </Notice>
      </>
    );
  if (detail.isPending)
    return (
      <>
        {header}
        <Loading />
      </>
    );
  if (detail.isError) {
    if (detail.error instanceof ApiError && detail.error.status === 404) return <SurveyNotFound />;
    return (
      <>
        {header}
        <ErrorNotice error={detail.error} />
      </>
    );
  }
  const def = definitionOf(detail.data.instrument);
  return (
    <>
      {header}
      {def ? (
        children(detail.data, def)
      ) : (
        <ErrorNotice
          error={new Error('調査票の内容を読み取れませんでした。画面を読み込み直してください。')}
        />
      )}
    </>
  );
}
