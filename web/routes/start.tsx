import { StartPage } from '../modules/tenants';

/** /app/ */
export function StartRoute() {
  return <StartPage />;
}
