import { Route, Routes } from 'react-router';
import { AccountRoute } from './account';
import { AreaRoute } from './area';
import { AreaEditRoute } from './area-edit';
import { AreaNewRoute } from './area-new';
import { AreasRoute } from './areas';
import { AuditRoute } from './audit';
import { HomeRoute } from './home';
import { InviteRoute } from './invite';
import { LoginRoute } from './login';
import { MembersRoute } from './members';
import { NotFoundRoute } from './not-found';
import { PopulationImportRoute } from './population-import';
import { StartRoute } from './start';
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
          <Route path="members" element={<MembersRoute />} />
          <Route path="audit" element={<AuditRoute />} />
          <Route path="*" element={<NotFoundRoute />} />
        </Route>
        <Route path="*" element={<NotFoundRoute />} />
      </Route>
    </Routes>
  );
}
