import { z } from 'zod';

/*
 * The shape every endpoint is declared in. The server validates with these schemas, the web client
 * derives its types from them, and the OpenAPI document is generated from them — so there is one
 * source of truth per endpoint.
 */

// Natural Japanese for the messages users actually see. zod's bundled `ja` locale is literal
// ("小さすぎる値: stringは1文字以上…"), which staff should never have to decode.
z.config({ customError: japaneseIssueMessage });

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * Who may call an endpoint before its service runs its own policy:
 * `public` — anyone; `session` — any signed-in user; `tenant` — a member of the tenant in the path
 * (others get 404 so that a tenant's existence is never revealed).
 */
export type Access = 'public' | 'session' | 'tenant';

export interface Endpoint {
  method: HttpMethod;
  /** OpenAPI-style path, e.g. `/api/t/{tenant}/areas/{id}`. */
  path: string;
  /** Japanese one-line summary, shown in the API reference. */
  summary: string;
  description?: string;
  tag: string;
  access: Access;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** `binary` bodies (file uploads) arrive as bytes; the query carries their metadata. */
  bodyKind?: 'json' | 'binary';
  response: z.ZodType;
  /** `file` responses are downloads: the handler returns a FileResponse, sent as an attachment. */
  responseKind?: 'json' | 'file';
  status?: 200 | 201;
}

/** Declares an endpoint; identity function that keeps the literal types. */
export function endpoint<const E extends Endpoint>(e: E): E {
  return e;
}

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;
type InferIn<T> = T extends z.ZodType ? z.input<T> : undefined;

/** Validated input a handler receives. */
export interface EndpointInput<E extends Endpoint> {
  params: Infer<E['params']>;
  query: Infer<E['query']>;
  body: E['bodyKind'] extends 'binary' ? Uint8Array : Infer<E['body']>;
}

/** What a client sends (before defaults and coercion). */
export interface EndpointRequest<E extends Endpoint> {
  params: InferIn<E['params']>;
  query: InferIn<E['query']>;
  body: E['bodyKind'] extends 'binary' ? Blob | Uint8Array : InferIn<E['body']>;
}

export type EndpointOutput<E extends Endpoint> = z.infer<E['response']>;
export type EndpointResult<E extends Endpoint> = z.input<E['response']>;

/** Fills `{name}` placeholders of an endpoint path. */
export function buildPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`path parameter ${name} missing`);
    return encodeURIComponent(String(value));
  });
}

// ---------------------------------------------------------------------------------------------
// Errors

export const ERROR_CODES = [
  'invalid_request',
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'too_many_requests',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const FieldError = z.object({
  /** Dotted path of the field, e.g. `townNames.2`; empty for the whole request. */
  path: z.string(),
  /** Japanese message that already names the field. */
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

/** The one error shape every endpoint returns. */
export const ApiErrorBody = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string().meta({ description: '利用者向けの日本語メッセージ' }),
      fields: z.array(FieldError).optional(),
      /** On 409, the record as it is now, so the client can show what changed. */
      current: z.unknown().optional(),
    }),
    requestId: z.string(),
  })
  .meta({ id: 'ApiError' });
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

// ---------------------------------------------------------------------------------------------
// Field labels: `.meta({ title: '名称' })` on a field lets every error name it in Japanese.

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def | undefined => (schema as { _zod?: { def?: Def } })?._zod?.def;

function titleOf(schema: unknown): string | undefined {
  const meta = z.globalRegistry.get(schema as z.ZodType) as { title?: string } | undefined;
  return meta?.title;
}

/** Walks a schema along an issue path and returns the Japanese titles met on the way. */
export function fieldTitle(schema: z.ZodType, path: readonly PropertyKey[]): string | undefined {
  let node: unknown = schema;
  let found: string | undefined = titleOf(node);
  for (const key of path) {
    node = unwrap(node);
    const def = defOf(node);
    if (!def) return found;
    if (def.type === 'object') node = (def.shape as Record<string, unknown>)[String(key)];
    else if (def.type === 'array') node = def.element;
    else if (def.type === 'record') node = def.valueType;
    else return found;
    const t = titleOf(node) ?? titleOf(unwrap(node));
    if (t) found = typeof key === 'number' && found ? `${found}（${key + 1}件目）` : t;
  }
  return found;
}

function unwrap(schema: unknown): unknown {
  let node = schema;
  for (let i = 0; i < 10; i++) {
    const def = defOf(node);
    if (!def) return node;
    if (
      ['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(def.type)
    ) {
      node = def.innerType;
    } else if (def.type === 'pipe') {
      node = def.in;
    } else return node;
  }
  return node;
}

/** Converts a zod error into field errors whose messages name the field in Japanese. */
export function toFieldErrors(schema: z.ZodType, error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const title = fieldTitle(schema, issue.path);
    const path = issue.path.map(String).join('.');
    return { path, message: title ? `${title}：${issue.message}` : issue.message };
  });
}

type RawIssue = z.core.$ZodRawIssue;

/** Plain Japanese for each kind of validation problem. */
export function japaneseIssueMessage(issue: RawIssue): string | undefined {
  const i = issue as RawIssue & Record<string, unknown>;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return '入力してください';
      if (i.expected === 'number' || i.expected === 'int') return '数値を入力してください';
      if (i.expected === 'string') return '文字で入力してください';
      if (i.expected === 'boolean') return 'はい・いいえで指定してください';
      if (i.expected === 'array') return '一覧の形で指定してください';
      return '形式が正しくありません';
    case 'too_small': {
      const min = Number(i.minimum);
      if (i.origin === 'string') return min <= 1 ? '入力してください' : `${min}文字以上で入力してください`;
      if (i.origin === 'array' || i.origin === 'set') return `${min}件以上指定してください`;
      return i.inclusive === false
        ? `${min}より大きい数を入力してください`
        : `${min}以上の数を入力してください`;
    }
    case 'too_big': {
      const max = Number(i.maximum);
      if (i.origin === 'string') return `${max}文字以内で入力してください`;
      if (i.origin === 'array' || i.origin === 'set') return `${max}件以内にしてください`;
      return i.inclusive === false
        ? `${max}より小さい数を入力してください`
        : `${max}以下の数を入力してください`;
    }
    case 'invalid_format':
      if (i.format === 'email') return 'メールアドレスの形式で入力してください';
      if (i.format === 'uuid' || i.format === 'guid') return 'IDの形式が正しくありません';
      if (i.format === 'date') return '日付は 2024-04-01 の形で入力してください';
      return '形式が正しくありません';
    case 'not_multiple_of':
      return '整数で入力してください';
    case 'invalid_value':
      return '選択肢の中から選んでください';
    case 'unrecognized_keys':
      return `知らない項目が含まれています（${(i.keys as string[]).join('、')}）`;
    case 'invalid_union':
      return '形式が正しくありません';
    default:
      return '入力内容を確認してください';
  }
}

// ---------------------------------------------------------------------------------------------
// Small shared pieces

/** The tenant in a path: the 6-digit 全国地方公共団体コード. */
export const TenantCode = z
  .string()
  .regex(/^\d{6}$/, '団体コードは6桁の数字です')
  .meta({
    title: '団体コード',
    description: '全国地方公共団体コード（6桁、検査数字つき）',
    example: '372013',
  });

export const TenantParams = z.object({ tenant: TenantCode });

export const Uuid = z.uuid().meta({ title: 'ID' });

export const IsoDateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日付は 2024-04-01 の形で入力してください')
  .meta({ title: '日付', example: '2024-04-01' });

export const IsoDateTime = z.string().meta({ description: 'ISO 8601 日時（UTC）' });

/** A reading in hiragana (よみがな), for sorting names the Japanese way. */
export const Kana = z
  .string()
  .trim()
  .max(120)
  .regex(/^[\p{Script=Hiragana}ー・\s]*$/u, 'ひらがなで入力してください')
  .meta({ title: 'よみがな' });

/** 'HH:MM', 0:00–23:59. */
export const TimeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, '時刻は 09:30 の形（0:00〜23:59）で入力してください')
  .meta({ title: '時刻' });

/** Optimistic-concurrency token: the row's version as the client last saw it. */
export const Version = z.number().int().min(1).meta({ title: '版', description: '楽観的排他制御の版番号' });

export const Ok = z.object({ ok: z.literal(true) });

/** A download (CSV, GeoJSON …) produced by a service. */
export const FileResponse = z.object({
  fileName: z.string(),
  contentType: z.string(),
  body: z.union([z.string(), z.instanceof(Uint8Array)]),
});
export type FileResponse = z.infer<typeof FileResponse>;
