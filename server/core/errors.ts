import type { ErrorCode, FieldError } from '../../contracts/http';

/**
 * An error a client can cause and understand. Anything else that escapes a handler is our bug and
 * becomes a generic 500 with a request id.
 */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
    readonly current?: unknown,
    /** Seconds, for 429. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

/** 404 — also what another tenant's id gets, so that its existence is never revealed. */
export const notFound = (what = 'お探しの情報') => new AppError(404, 'not_found', `${what}が見つかりません`);

export const forbidden = (message = 'この操作を行う権限がありません') =>
  new AppError(403, 'forbidden', message);

export const unauthenticated = (message = 'ログインしてください') =>
  new AppError(401, 'unauthenticated', message);

export const badRequest = (message: string) => new AppError(400, 'invalid_request', message);

export const validationFailed = (fields: FieldError[], message = '入力内容を確認してください') =>
  new AppError(422, 'validation_failed', message, fields);

/** One field is wrong: the message is shown beside that field and in the summary. */
export const fieldError = (path: string, message: string) => validationFailed([{ path, message }], message);

/** The row changed since the client read it (version column). */
export const conflict = (
  current: unknown,
  message = 'ほかの人が先にこの情報を変更しました。入力した内容は残っています。最新の内容を確認してから、もう一度保存してください。',
) => new AppError(409, 'conflict', message, undefined, current);

export const tooManyRequests = (message: string, retryAfter: number) =>
  new AppError(429, 'too_many_requests', message, undefined, undefined, retryAfter);
