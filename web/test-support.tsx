import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { vi } from 'vitest';
import { type TenantScope, TenantScopeContext } from './lib/session';

/** A tenant scope for component tests: ささえ町 as a 保険者職員 unless told otherwise. */
export function scope(overrides: Partial<TenantScope> = {}): TenantScope {
  return {
    code: '019992',
    name: 'ささえ町',
    prefecture: '北海道',
    fictional: true,
    role: 'insurer_staff',
    areaIds: [],
    systemAdmin: false,
    ...overrides,
  };
}

/** Renders `children` at `path` inside a router, a fresh query client and a tenant scope. */
export function Harness({
  children,
  path = '/',
  route = '*',
  tenant = scope(),
}: {
  children: ReactNode;
  path?: string;
  route?: string;
  tenant?: TenantScope;
}) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  return (
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
        <TenantScopeContext.Provider value={tenant}>
          <Routes>
            <Route path={route} element={children} />
            <Route path="*" element={<p>別の画面</p>} />
          </Routes>
        </TenantScopeContext.Provider>
      </MemoryRouter>
    </QueryClientProvider>
  );
}

type Handler = (init: RequestInit, url: string) => { status: number; body: unknown };

/** A fetch stub answering by "METHOD path" (query ignored); unknown calls fail the test loudly. */
export function stubApi(routes: Record<string, Handler>) {
  const calls: { method: string; url: string; init: RequestInit }[] = [];
  const fetchMock = vi.fn(async (url: string, init: RequestInit = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    calls.push({ method, url, init });
    const key = `${method} ${url.split('?')[0]}`;
    const handler = routes[key];
    if (!handler) throw new Error(`unexpected request ${key}`);
    const { status, body } = handler(init, url);
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}
