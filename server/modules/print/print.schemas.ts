import { z } from 'zod';
import { parseYearMonth, type YearMonth } from '../../../domain/print-calendar';

/*
 * What the print forms and PDF addresses accept. The booklet form answers a wrong value with the
 * form and a message in Japanese; the GET addresses (made by links and scripts) fall back to the
 * default for a value they do not understand, except an unknown area or category, which is a 404.
 */

export const PAPER_SIZES = ['A4', 'A5'] as const;

/** Field messages of the booklet form, as the resident reads them next to the field. */
export const BookletForm = z.object({
  area: z
    .string()
    .trim()
    .regex(
      /^$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
      '地域は一覧から選んでください。',
    )
    .default(''),
  size: z.enum(PAPER_SIZES, { error: '用紙の大きさは A4 か A5 を選んでください。' }).default('A4'),
  large: z.literal('1', { error: '「大きな文字」の選び方が正しくありません。' }).optional(),
});
export type BookletForm = z.output<typeof BookletForm>;

const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
/** Empty means "not chosen"; anything else must look like an id (an unknown one is a 404 later). */
const optionalId = z
  .string()
  .trim()
  .max(100)
  .optional()
  .transform((s) => s || undefined);

export const BookletQuery = z.object({
  area: optionalId,
  size: z.enum(PAPER_SIZES).catch('A4').default('A4'),
  large: lenient(z.enum(['1', 'true', 'on'])),
});

export const CalendarQuery = z.object({
  month: z
    .string()
    .optional()
    .catch(undefined)
    .transform((s): YearMonth | null => parseYearMonth(s)),
  area: optionalId,
  category: optionalId,
});
