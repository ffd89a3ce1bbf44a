import { useParams } from 'react-router';
import { AcceptInvitationPage } from '../modules/accounts';

/** /app/invite/:token — no login needed. */
export function InviteRoute() {
  const { token = '' } = useParams();
  return <AcceptInvitationPage key={token} token={token} />;
}
