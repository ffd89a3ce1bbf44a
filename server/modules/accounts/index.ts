/** Accounts: sign-in and sessions, password change, members, roles and invitations. */
export { accountsRoutes } from './accounts.routes';
export { addMembership, createUser, tenantUsers } from './accounts.service';
