import { AccountPage } from '../modules/accounts';

/** /app/account */
export function AccountRoute() {
  return <AccountPage />;
}
