import {
  ApiErrorBody,
  buildPath,
  type Endpoint,
  type EndpointOutput,
  type EndpointRequest,
  type FieldError,
} from '../../contracts/http';

/*
 * The one way the workspace talks to the server. Paths, bodies and answers are typed from the
 * contracts, so a change there shows up here as a type error rather than as a broken page.
 */

/** What a call needs: only the parts the endpoint declares; all-optional parts may be left out. */
type Parts<E extends Endpoint> = EndpointRequest<E>;
type RequiredKeys<E extends Endpoint> = {
  [K in keyof Parts<E>]: Parts<E>[K] extends undefined ? never : object extends Parts<E>[K] ? never : K;
}[keyof Parts<E>];
type OptionalKeys<E extends Endpoint> = {
  [K in keyof Parts<E>]: Parts<E>[K] extends undefined ? never : object extends Parts<E>[K] ? K : never;
}[keyof Parts<E>];
export type ApiRequest<E extends Endpoint> = { [K in RequiredKeys<E>]: Parts<E>[K] } & {
  [K in OptionalKeys<E>]?: Parts<E>[K];
} & { signal?: AbortSignal };

type Args<E extends Endpoint> = [RequiredKeys<E>] extends [never]
  ? [request?: ApiRequest<E>]
  : [request: ApiRequest<E>];

/** A refusal from the server, in the shape of `ApiErrorBody`, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  readonly current: unknown;
  readonly requestId: string | null;

  constructor(
    status: number,
    code: string,
    message: string,
    opts: { fields?: FieldError[]; current?: unknown; requestId?: string | null } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = opts.fields ?? [];
    this.current = opts.current;
    this.requestId = opts.requestId ?? null;
  }

  /** Field messages keyed by dotted path ('' for the whole form). */
  fieldMap(): Record<string, string> {
    const map: Record<string, string> = {};
    for (const f of this.fields) map[f.path] ??= f.message;
    return map;
  }
}

let csrfToken: string | null = null;

/** Kept from `GET /api/auth/session` (and login): sent back on every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

const listeners = new Set<(error: ApiError) => void>();

/** Called for every 401, so that the session can end and the login page open. */
export function onUnauthenticated(listener: (error: ApiError) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** `?a=1&b=x` from a query object; undefined and null values are left out. */
export function queryString(query: unknown): string {
  if (!query || typeof query !== 'object') return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value) search.append(key, String(v));
    else search.append(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

/** The URL of an endpoint, e.g. for a download link. */
export function endpointUrl<E extends Endpoint>(endpoint: E, request: Partial<Parts<E>> = {}): string {
  return (
    buildPath(endpoint.path, request.params as Record<string, unknown> | undefined) +
    queryString(request.query)
  );
}

const GENERIC: Record<number, string> = {
  0: 'サーバーにつながりませんでした。ネットワークを確認して、もう一度お試しください。',
  500: 'サーバーで問題が起きました。時間をおいて、もう一度お試しください。',
};

/** Calls an endpoint and returns its answer, validated against the contract. */
export async function api<E extends Endpoint>(endpoint: E, ...args: Args<E>): Promise<EndpointOutput<E>> {
  const request = (args[0] ?? {}) as Partial<Parts<E>> & { signal?: AbortSignal };
  const method = endpoint.method.toUpperCase();
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let body: BodyInit | undefined;
  if (endpoint.bodyKind === 'binary') {
    headers['Content-Type'] = 'application/octet-stream';
    body = request.body as Blob;
  } else if (endpoint.body) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(request.body ?? {});
  }

  let response: Response;
  try {
    response = await fetch(endpointUrl(endpoint, request), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: request.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network', GENERIC[0]!);
  }

  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }

  if (!response.ok) {
    const parsed = ApiErrorBody.safeParse(json);
    const error = parsed.success
      ? new ApiError(response.status, parsed.data.error.code, parsed.data.error.message, {
          fields: parsed.data.error.fields,
          current: parsed.data.error.current,
          requestId: parsed.data.requestId,
        })
      : new ApiError(response.status, 'internal', GENERIC[500]!);
    // A 401 from a public endpoint (a wrong password at login) does not mean the session ended.
    if (error.status === 401 && endpoint.access !== 'public')
      for (const listener of listeners) listener(error);
    throw error;
  }

  const out = endpoint.response.safeParse(json);
  if (!out.success) {
    throw new ApiError(
      response.status,
      'internal',
      'サーバーの応答を読み取れませんでした。画面を読み込み直してください。',
    );
  }
  return out.data as EndpointOutput<E>;
}
