import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatWareki, type IsoDate } from '../../../domain/dates';
import {
  type DayCell,
  type MonthDay,
  monthLabel,
  WEEKDAY_NAMES,
  type YearMonth,
} from '../../../domain/print-calendar';
import type { PublicTenant } from '../resources';
import { FONT, jp, type Node, PALETTE } from './pdf';

/*
 * The monthly activity calendar: A4 landscape, one row per activity and one column per day, like
 * the カフェ calendars towns hand out, but for every activity of an area or a category. Saturdays,
 * Sundays and holidays are marked by word (土・日・祝) and by shading; a cell says when it starts
 * (10時, 9:30) or 休 when it would be on but is closed (祝日, 年末年始).
 */

export interface CalendarRow {
  name: string;
  place: string | null;
  /** 「毎月第2水曜日 10時〜12時」 */
  schedule: string;
  phone: string | null;
  paused: boolean;
  /** Days it is held or closed, by date. */
  cells: Record<IsoDate, DayCell>;
  /** False when the schedule does not say which days (月2回, 随時). */
  determined: boolean;
}

export interface CalendarData {
  tenant: PublicTenant;
  month: YearMonth;
  /** 「北部圏域」 or 「町全体」 */
  scope: string;
  /** The category chosen, if any. */
  category: string | null;
  today: IsoDate;
  days: MonthDay[];
  groups: { name: string; rows: CalendarRow[] }[];
}

const PAGE = { width: 841.89, margins: [24, 26, 24, 34] as [number, number, number, number] };
const NAME_WIDTH = 178;

/** 10:00 → 10時, 09:30 → 9:30: short enough for a day's column. */
function cellTime(t: string | null): string {
  if (!t) return '○';
  const [h, m] = t.split(':');
  return m === '00' ? `${Number(h)}時` : `${Number(h)}:${m}`;
}

function dayFill(d: MonthDay): string | undefined {
  if (d.holiday || d.weekday === 0) return PALETTE.holiday;
  if (d.weekday === 6) return PALETTE.saturday;
  return undefined;
}

export function calendarDocument(data: CalendarData): { doc: TDocumentDefinitions; pages(): number } {
  const bodyWidth = PAGE.width - PAGE.margins[0] - PAGE.margins[2];
  const dayWidth = (bodyWidth - NAME_WIDTH) / data.days.length - 1.1;
  const span = data.days.length;
  let pageCount = 0;

  const header: Node[][] = [
    [
      { text: '日にち', bold: true, fontSize: 9, rowSpan: 2, margin: [2, 6, 0, 0] },
      ...data.days.map((d) => ({
        text: String(d.day),
        bold: true,
        fontSize: 10,
        alignment: 'center',
        fillColor: dayFill(d),
      })),
    ],
    [
      '',
      ...data.days.map((d) => ({
        text: d.holiday ? `${WEEKDAY_NAMES[d.weekday]}\n祝` : WEEKDAY_NAMES[d.weekday],
        fontSize: 8.5,
        bold: d.weekday === 0 || d.weekday === 6 || d.holiday !== null,
        color: d.holiday || d.weekday === 0 ? '#8a1c1c' : d.weekday === 6 ? '#14457a' : PALETTE.ink,
        alignment: 'center',
        lineHeight: 1,
        fillColor: dayFill(d),
      })),
    ],
  ];

  const body: Node[][] = [...header];
  for (const group of data.groups) {
    body.push([
      {
        text: group.name,
        colSpan: span + 1,
        bold: true,
        fontSize: 10,
        color: '#ffffff',
        fillColor: PALETTE.brand,
        margin: [2, 1, 0, 1],
      },
      ...data.days.map(() => ''),
    ]);
    for (const r of group.rows) body.push(activityRow(r, data.days));
  }

  const holidays = data.days.filter((d) => d.holiday);
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: PAGE.margins,
    language: 'ja-JP',
    info: {
      title: `${monthLabel(data.month)} 活動カレンダー ${data.tenant.name} ${data.scope}`,
      author: data.tenant.name,
    },
    defaultStyle: { font: FONT, fontSize: 9, lineHeight: 1.02, color: PALETTE.ink },
    footer: (current, count) => {
      pageCount = count;
      return {
        margin: [PAGE.margins[0], 10, PAGE.margins[2], 0],
        columns: [
          {
            text: `${data.tenant.name}　${monthLabel(data.month)}の活動カレンダー　${formatWareki(data.today)}現在の情報です`,
            fontSize: 8,
            color: PALETTE.muted,
          },
          { text: `${current} / ${count}ページ`, alignment: 'right', fontSize: 9, width: 90 },
        ],
      };
    },
    content: [
      {
        columns: [
          {
            stack: [
              { text: `${monthLabel(data.month)}の活動カレンダー`, fontSize: 20, bold: true },
              {
                text: jp(
                  `${data.tenant.prefecture}${data.tenant.name}　${data.scope}${data.category ? `　分類：${data.category}` : ''}`,
                ),
                fontSize: 12,
              },
            ],
          },
          {
            width: 300,
            stack: [
              { text: '数字は始まる時刻です（○は時刻の決まっていない日）。', fontSize: 8.5 },
              { text: '「休」は、ふだんなら行う日ですが、祝日などでお休みです。', fontSize: 8.5 },
              { text: '土・日・祝日の列には色をつけています。', fontSize: 8.5 },
              ...(data.tenant.fictional
                ? [
                    {
                      text: '架空の町（デモ）のカレンダーです。実在しません。',
                      fontSize: 8.5,
                      bold: true,
                      color: PALETTE.warnInk,
                    },
                  ]
                : []),
            ],
          },
        ],
        margin: [0, 0, 0, 6],
      },
      data.groups.length === 0
        ? {
            text: 'この月にご案内できる活動はありません。',
            fontSize: 14,
            margin: [0, 24, 0, 0],
          }
        : {
            table: {
              headerRows: 2,
              dontBreakRows: true,
              widths: [NAME_WIDTH - 4, ...data.days.map(() => dayWidth)],
              body,
            },
            layout: {
              hLineWidth: () => 0.5,
              vLineWidth: () => 0.5,
              hLineColor: () => PALETTE.line,
              vLineColor: () => PALETTE.line,
              paddingLeft: (i) => (i === 0 ? 3 : 0.5),
              paddingRight: () => 0.5,
              paddingTop: () => 1.5,
              paddingBottom: () => 1.5,
            },
          },
      ...(holidays.length > 0
        ? [
            {
              text: `この月の祝日：${holidays.map((d) => `${d.day}日（${WEEKDAY_NAMES[d.weekday]}）${d.holiday}`).join('、')}`,
              fontSize: 9,
              margin: [0, 6, 0, 0],
            },
          ]
        : []),
      {
        text: jp(
          `お出かけ前に、それぞれの電話番号でお確かめください。わからないことは ${data.tenant.portalContact || '地域包括支援センター'} へどうぞ。`,
        ),
        fontSize: 9,
        margin: [0, 3, 0, 0],
      },
    ] as Content,
  };
  return { doc, pages: () => pageCount };
}

function activityRow(r: CalendarRow, days: readonly MonthDay[]): Node[] {
  const name: Node = {
    stack: [
      { text: jp(r.name), bold: true, fontSize: 9.5 },
      ...(r.schedule ? [{ text: jp(r.schedule), fontSize: 7.5, color: PALETTE.muted }] : []),
      ...(r.place || r.phone
        ? [
            {
              text: jp([r.place, r.phone ? `電話 ${r.phone}` : ''].filter(Boolean).join('　')),
              fontSize: 7.5,
            },
          ]
        : []),
    ],
  };
  const ask = r.phone ? 'お電話でお問い合わせください。' : '相談の窓口へお問い合わせください。';
  if (r.paused || !r.determined) {
    const note = r.paused
      ? `一時休止中です。再開の予定は${ask}`
      : Object.keys(r.cells).length > 0
        ? null
        : `日にちは決まっていません。${ask}`;
    if (note)
      return [
        name,
        { text: note, colSpan: days.length, fontSize: 9, color: PALETTE.muted, margin: [6, 4, 0, 0] },
        ...days.slice(1).map(() => ''),
      ];
  }
  if (Object.keys(r.cells).length === 0)
    return [
      name,
      {
        text: 'この月はお休みです。',
        colSpan: days.length,
        fontSize: 9,
        color: PALETTE.muted,
        margin: [6, 4, 0, 0],
      },
      ...days.slice(1).map(() => ''),
    ];
  return [
    name,
    ...days.map((d): Node => {
      const c = r.cells[d.date];
      if (!c) return { text: '', fillColor: dayFill(d) };
      if (c.kind === 'closed')
        return {
          text: '休',
          alignment: 'center',
          fontSize: 8.5,
          color: PALETTE.muted,
          fillColor: '#e4e7ea',
          margin: [0, 3, 0, 0],
        };
      return {
        text: cellTime(c.time),
        alignment: 'center',
        bold: true,
        fontSize: 8,
        noWrap: true,
        fillColor: dayFill(d),
        margin: [0, 3, 0, 0],
      };
    }),
  ];
}
