import { SettingsPage } from '../modules/tenants';

/** /app/t/:tenant/settings */
export function SettingsRoute() {
  return <SettingsPage />;
}
