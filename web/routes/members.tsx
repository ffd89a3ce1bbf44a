import { MembersPage } from '../modules/accounts';

/** /app/t/:tenant/members */
export function MembersRoute() {
  return <MembersPage />;
}
