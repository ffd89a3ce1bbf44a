import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { login } from '../../contracts/accounts';
import { getArea, listAreas, previewPopulationImport, updateArea } from '../../contracts/areas';
import { ApiError, api, endpointUrl, onUnauthenticated, setCsrfToken } from './api';

const AREA = {
  id: '0b6c1f4e-3f1a-4a39-9d4a-1c2b3d4e5f60',
  parentId: null,
  layer: 1,
  name: 'ささえ町',
  kana: 'ささえちょう',
  kind: '市町村全域',
  validFromFy: null,
  validToFy: null,
  townNames: [],
  hasBoundary: false,
  sortOrder: 0,
  version: 3,
  canEdit: true,
};

function reply(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

let fetchMock: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fetchMock = vi.fn();
  vi.stubGlobal('fetch', fetchMock);
  setCsrfToken('token-123');
});

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const sent = (i = 0) => {
  const [url, init] = fetchMock.mock.calls[i] as [string, RequestInit];
  return { url, init, headers: init.headers as Record<string, string> };
};

describe('api()', () => {
  it('sends the CSRF token and a JSON body on a state-changing request', async () => {
    fetchMock.mockResolvedValue(reply(200, { ...AREA, name: '新しい名前', version: 4 }));
    const body = {
      name: '新しい名前',
      kana: '',
      layer: 1 as const,
      kind: '市町村全域',
      parentId: null,
      version: 3,
    };
    const out = await api(updateArea, { params: { tenant: '019992', id: AREA.id }, body });
    const { url, init, headers } = sent();
    expect(url).toBe(`/api/t/019992/areas/${AREA.id}`);
    expect(init.method).toBe('PATCH');
    expect(headers['X-CSRF-Token']).toBe('token-123');
    expect(headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(init.body as string)).toEqual(body);
    expect(out.version).toBe(4);
  });

  it('sends no CSRF header and no body on a GET, and builds the query string', async () => {
    fetchMock.mockResolvedValue(reply(200, { fiscalYear: 2024, asOf: null, canCreate: true, areas: [] }));
    await api(listAreas, { params: { tenant: '019992' }, query: { fy: 2024, all: undefined } });
    const { url, init, headers } = sent();
    expect(url).toBe('/api/t/019992/areas?fy=2024');
    expect(init.method).toBe('GET');
    expect(headers['X-CSRF-Token']).toBeUndefined();
    expect(init.body).toBeUndefined();
  });

  it('uploads a file as raw bytes with its name in the query', async () => {
    fetchMock.mockResolvedValue(
      reply(422, { error: { code: 'validation_failed', message: 'x' }, requestId: 'r' }),
    );
    const file = new Blob(['a,b\n1,2\n'], { type: 'text/csv' });
    await api(previewPopulationImport, {
      params: { tenant: '372013' },
      query: { fileName: '人口.csv', asOf: '2024-04-01' },
      body: file,
    }).catch(() => {});
    const { url, init, headers } = sent();
    expect(url).toBe(
      `/api/t/372013/population-imports?fileName=${encodeURIComponent('人口.csv')}&asOf=2024-04-01`,
    );
    expect(headers['Content-Type']).toBe('application/octet-stream');
    expect(headers['X-CSRF-Token']).toBe('token-123');
    expect(init.body).toBe(file);
  });

  it('turns a 422 into an ApiError whose fields map to the form', async () => {
    fetchMock.mockResolvedValue(
      reply(422, {
        error: {
          code: 'validation_failed',
          message: '入力内容を確認してください',
          fields: [
            { path: 'name', message: '名称：入力してください' },
            { path: 'townNames.2', message: '含まれる町丁（3件目）：入力してください' },
          ],
        },
        requestId: 'req-1',
      }),
    );
    const error = await api(getArea, { params: { tenant: '019992', id: AREA.id } }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(422);
    expect(error.message).toBe('入力内容を確認してください');
    expect(error.requestId).toBe('req-1');
    expect(error.fieldMap()).toEqual({
      name: '名称：入力してください',
      'townNames.2': '含まれる町丁（3件目）：入力してください',
    });
  });

  it('keeps the current record of a 409 for the conflict view', async () => {
    fetchMock.mockResolvedValue(
      reply(409, {
        error: { code: 'conflict', message: 'ほかの人が先にこの情報を変更しました。', current: AREA },
        requestId: 'r',
      }),
    );
    const error = await api(getArea, { params: { tenant: '019992', id: AREA.id } }).catch((e) => e);
    expect(error.status).toBe(409);
    expect(error.current).toEqual(AREA);
  });

  it('reports a 401 from a signed-in endpoint, but not a wrong password at login', async () => {
    const listener = vi.fn();
    const stop = onUnauthenticated(listener);
    fetchMock.mockResolvedValue(
      reply(401, { error: { code: 'unauthenticated', message: 'ログインしてください' }, requestId: 'r' }),
    );
    await api(getArea, { params: { tenant: '019992', id: AREA.id } }).catch(() => {});
    expect(listener).toHaveBeenCalledTimes(1);
    fetchMock.mockResolvedValue(
      reply(401, {
        error: { code: 'unauthenticated', message: 'メールアドレスかパスワードが違います。' },
        requestId: 'r',
      }),
    );
    const error = await api(login, { body: { email: 'a@example.jp', password: 'x' } }).catch((e) => e);
    expect(error.message).toBe('メールアドレスかパスワードが違います。');
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
  });

  it('gives a Japanese message when the server cannot be reached or answers garbage', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const offline = await api(getArea, { params: { tenant: '019992', id: AREA.id } }).catch((e) => e);
    expect(offline.status).toBe(0);
    expect(offline.message).toContain('サーバーにつながりませんでした');
    fetchMock.mockResolvedValue(new Response('<html>502</html>', { status: 502 }));
    const bad = await api(getArea, { params: { tenant: '019992', id: AREA.id } }).catch((e) => e);
    expect(bad.status).toBe(502);
    expect(bad.message).toContain('サーバーで問題が起きました');
  });

  it('rejects an answer that does not match the contract', async () => {
    fetchMock.mockResolvedValue(reply(200, { area: { id: 'nope' } }));
    await expect(api(getArea, { params: { tenant: '019992', id: AREA.id } })).rejects.toThrow(
      '応答を読み取れませんでした',
    );
  });
});

describe('endpointUrl()', () => {
  it('fills path parameters and the query for download links', async () => {
    const { exportAreaData } = await import('../../contracts/areas');
    expect(
      endpointUrl(exportAreaData, {
        params: { tenant: '019992', kind: 'areas' },
        query: { format: 'geojson' },
      }),
    ).toBe('/api/t/019992/exports/areas?format=geojson');
  });
});
