/** Accounts in the staff workspace: login, password, members, invitations. */
export { AcceptInvitationPage } from './accept-invitation-page';
export { AccountPage } from './account-page';
export { LoginPage } from './login-page';
export { MembersPage } from './members-page';
export { UserMenu } from './user-menu';
