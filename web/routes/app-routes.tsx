import { Route, Routes } from 'react-router';
import { AccountRoute } from './account';
import { AreaRoute } from './area';
import { AreaEditRoute } from './area-edit';
import { AreaNewRoute } from './area-new';
import { AreasRoute } from './areas';
import { AuditRoute } from './audit';
import { councilRoutes } from './councils';
import { HomeRoute } from './home';
import { InviteRoute } from './invite';
import { LoginRoute } from './login';
import { matchingRoutes } from './matching';
import { MembersRoute } from './members';
import { NeedsRoute } from './needs';
import { NeedRoute } from './needs-detail';
import { NeedEditRoute } from './needs-edit';
import { NeedsMatrixRoute } from './needs-matrix';
import { NeedsQuickRoute } from './needs-quick';
import { NotFoundRoute } from './not-found';
import { OrganizationsRoute } from './organizations';
import { pointRoutes } from './points';
import { PopulationImportRoute } from './population-import';
import { ResidentsRoute } from './residents';
import { ResidentRoute } from './residents-detail';
import { ResidentEditRoute } from './residents-edit';
import { ResidentNewRoute } from './residents-new';
import { ResourceRoute } from './resource';
import { ResourceEditRoute } from './resource-edit';
import { ResourceHistoryRoute } from './resource-history';
import { ResourceNewRoute } from './resource-new';
import { ResourcesRoute } from './resources';
import { ResourcesImportRoute } from './resources-import';
import { ResourcesReviewRoute } from './resources-review';
import { ResourcesTaxonomyRoute } from './resources-taxonomy';
import { SettingsRoute } from './settings';
import { StartRoute } from './start';
import { surveyRoutes } from './surveys';
import { TenantNewRoute } from './tenant-new';
import { WorkspaceLayout } from './workspace-layout';

/** Every URL of the workspace (under the /app basename). */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="login" element={<LoginRoute />} />
      <Route path="invite/:token" element={<InviteRoute />} />
      <Route element={<WorkspaceLayout />}>
        <Route index element={<StartRoute />} />
        <Route path="account" element={<AccountRoute />} />
        <Route path="tenants/new" element={<TenantNewRoute />} />
        <Route path="t/:tenant">
          <Route index element={<HomeRoute />} />
          <Route path="areas" element={<AreasRoute />} />
          <Route path="areas/new" element={<AreaNewRoute />} />
          <Route path="areas/:id" element={<AreaRoute />} />
          <Route path="areas/:id/edit" element={<AreaEditRoute />} />
          <Route path="population-import" element={<PopulationImportRoute />} />
          <Route path="resources" element={<ResourcesRoute />} />
          <Route path="resources/new" element={<ResourceNewRoute />} />
          <Route path="resources/review" element={<ResourcesReviewRoute />} />
          <Route path="resources/import" element={<ResourcesImportRoute />} />
          <Route path="resources/taxonomy" element={<ResourcesTaxonomyRoute />} />
          <Route path="resources/:id" element={<ResourceRoute />} />
          <Route path="resources/:id/edit" element={<ResourceEditRoute />} />
          <Route path="resources/:id/history" element={<ResourceHistoryRoute />} />
          <Route path="organizations" element={<OrganizationsRoute />} />
          <Route path="needs" element={<NeedsRoute />} />
          <Route path="needs/quick" element={<NeedsQuickRoute />} />
          <Route path="needs/:id" element={<NeedRoute />} />
          <Route path="needs/:id/edit" element={<NeedEditRoute />} />
          <Route path="needs-matrix" element={<NeedsMatrixRoute />} />
          <Route path="residents" element={<ResidentsRoute />} />
          <Route path="residents/new" element={<ResidentNewRoute />} />
          <Route path="residents/:id" element={<ResidentRoute />} />
          <Route path="residents/:id/edit" element={<ResidentEditRoute />} />
          {surveyRoutes}
          {matchingRoutes}
          {councilRoutes}
          {pointRoutes}
          <Route path="members" element={<MembersRoute />} />
          <Route path="audit" element={<AuditRoute />} />
          <Route path="settings" element={<SettingsRoute />} />
          <Route path="*" element={<NotFoundRoute />} />
        </Route>
        <Route path="*" element={<NotFoundRoute />} />
      </Route>
    </Routes>
  );
}
