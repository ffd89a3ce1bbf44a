import { useQuery } from '@tanstack/react-query';
import { getTenant, listTenants } from '../../../contracts/tenants';
import { api } from '../../lib/api';

/** Every tenant a system administrator may open (members use their memberships instead). */
export function useTenantList(enabled: boolean) {
  return useQuery({
    queryKey: ['tenants'],
    queryFn: ({ signal }) => api(listTenants, { signal }),
    enabled,
    staleTime: 60_000,
  });
}

export function useTenant(code: string, enabled = true) {
  return useQuery({
    queryKey: ['tenant', code],
    queryFn: ({ signal }) => api(getTenant, { params: { tenant: code }, signal }),
    enabled,
    staleTime: 60_000,
  });
}
