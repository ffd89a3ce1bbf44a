import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatWareki, type IsoDate } from '../../../domain/dates';
import type { Boundary } from '../../../domain/geojson';
import { formatCount, formatPercent } from '../../../domain/population';
import {
  areaMapSvg,
  type MapPoint,
  type MarkerShape,
  mapHeightFor,
  markerSvg,
} from '../../../domain/print-map';
import type { PublicTenant } from '../resources';
import { FONT, jp, type Node, PALETTE } from './pdf';

/*
 * わがまちこんなとこシート: one A4 page about one area, the way 高松市 and others share an area's
 * picture at 地域の会議 — its people in figures, what there is by kind, where it is on a small map,
 * and in the coordinator's words what is good about the area (お宝) and what worries her (気になる
 * こと). Blank boxes get ruled lines, so the sheet also works as a worksheet in a workshop.
 */

export interface SheetCategory {
  name: string;
  color: string;
  shape: MarkerShape;
  /** Resources placed in the area (or serving only it and what lies inside). */
  inside: number;
  /** Resources serving it from the 圏域 or the whole town. */
  fromAbove: number;
}

export interface SheetData {
  tenant: PublicTenant;
  today: IsoDate;
  area: {
    name: string;
    layerLabel: string;
    kind: string;
    /** Names of the areas above it, top first. */
    path: string[];
    /** 地区 inside a 圏域, or 町丁 of a 地区. */
    contains: string[];
  };
  stats: {
    asOf: IsoDate;
    total: number;
    aged65: number | null;
    aged75: number | null;
    households: number | null;
    agingRate: number | null;
    rate75: number | null;
  } | null;
  categories: SheetCategory[];
  boundary: Boundary | null;
  /** Boundaries of the areas inside (地区 of a 圏域). */
  inner: Boundary[];
  points: MapPoint[];
  /** The markers on the map and what they stand for (集う, 買い物 …). */
  legend: { label: string; color: string; shape: MarkerShape }[];
  strengths: string;
  concerns: string;
}

const MARGIN: [number, number, number, number] = [36, 30, 36, 34];
const WIDTH = 595.28 - MARGIN[0] - MARGIN[2];

const boxLayout = {
  hLineWidth: () => 1.2,
  vLineWidth: () => 1.2,
  hLineColor: () => PALETTE.brand,
  vLineColor: () => PALETTE.brand,
};

/** Ruled lines to write on, for a box left empty. */
function ruled(width: number, lines: number): Node {
  return {
    canvas: Array.from({ length: lines }, (_, i) => ({
      type: 'line',
      x1: 0,
      y1: 22 * (i + 1),
      x2: width,
      y2: 22 * (i + 1),
      lineWidth: 0.5,
      lineColor: PALETTE.line,
      dash: { length: 2, space: 2 },
    })),
  };
}

/** Height of the お宝 and 気になること boxes: what is left of the page in the usual layout. */
const BOX_HEIGHT = 190;

function textBox(title: string, hint: string, text: string, width: number): Node {
  // Up to 400 characters fit: longer texts get smaller type rather than a second page.
  const size = text.length > 260 ? 8.5 : text.length > 160 ? 9.5 : 10.5;
  return {
    table: {
      widths: ['*'],
      heights: [0, BOX_HEIGHT],
      body: [
        [
          {
            text: title,
            bold: true,
            fontSize: 11.5,
            color: '#ffffff',
            fillColor: PALETTE.brand,
            margin: [6, 2, 6, 2],
          },
        ],
        [
          {
            stack: text.trim()
              ? text
                  .trim()
                  .split(/\r?\n/)
                  .map((line) => ({ text: jp(line), fontSize: size }))
              : [
                  { text: hint, fontSize: 8.5, color: PALETTE.muted },
                  ruled(width - 16, Math.floor((BOX_HEIGHT - 30) / 22)),
                ],
            margin: [6, 4, 6, 4],
          },
        ],
      ],
    },
    layout: boxLayout,
  };
}

export function sheetDocument(data: SheetData): { doc: TDocumentDefinitions; pages(): number } {
  const s = data.stats;
  let pageCount = 0;
  const figure = (label: string, value: string, note = ''): Node[] => [
    { text: label, fontSize: 10, color: PALETTE.muted, margin: [0, 2, 0, 0] },
    {
      text: [{ text: value, bold: true, fontSize: 14 }, note ? { text: ` ${note}`, fontSize: 9 } : ''],
      alignment: 'right',
    },
  ];
  const stats: Node = s
    ? {
        stack: [
          { text: '人口のようす', bold: true, fontSize: 12, margin: [0, 0, 0, 2] },
          {
            table: {
              widths: ['*', 'auto'],
              body: [
                figure('人口', `${formatCount(s.total)}人`),
                figure('65歳以上', s.aged65 === null ? '—' : `${formatCount(s.aged65)}人`),
                figure('高齢化率', formatPercent(s.agingRate), '（65歳以上の割合）'),
                figure(
                  '75歳以上の割合',
                  formatPercent(s.rate75),
                  s.aged75 === null ? '' : `（${formatCount(s.aged75)}人）`,
                ),
                figure('世帯数', s.households === null ? '—' : `${formatCount(s.households)}世帯`),
              ],
            },
            layout: 'lightHorizontalLines',
          },
          {
            text: `${formatWareki(s.asOf)}現在`,
            fontSize: 9,
            color: PALETTE.muted,
            alignment: 'right',
            margin: [0, 2, 0, 0],
          },
        ],
      }
    : { text: '人口の数字はまだ登録されていません。', fontSize: 10, color: PALETTE.muted };

  const mapWidth = 250;
  const mapHeight = data.boundary ? mapHeightFor(data.boundary, mapWidth, 110, 170) : 130;
  const map = areaMapSvg({
    boundary: data.boundary,
    inner: data.inner,
    points: data.points,
    width: mapWidth,
    height: mapHeight,
  });
  const legend: Node[] = data.legend.map((g) => ({
    columns: [
      {
        svg: `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 10 10">${markerSvg(g.shape, g.color, 5, 5, 3.4)}</svg>`,
        width: 10,
      },
      { text: g.label, fontSize: 8, margin: [2, 0, 0, 0] },
    ],
    columnGap: 0,
  }));
  // Three to a row; short rows are filled up so that every marker keeps the same width.
  const legendRows: Node[] = [];
  for (let i = 0; i < legend.length; i += 3) {
    const row = legend.slice(i, i + 3);
    while (row.length < 3) row.push({ text: '' });
    legendRows.push({ columns: row, columnGap: 4, margin: [0, 1, 0, 0] });
  }

  const half = Math.ceil(data.categories.length / 2);
  const categoryTable = (list: SheetCategory[]): Node => ({
    table: {
      headerRows: 1,
      widths: ['*', 40, 56],
      body: [
        [
          { text: '分類', fontSize: 8, color: PALETTE.muted },
          { text: '地域の中', fontSize: 8, color: PALETTE.muted, alignment: 'right', noWrap: true },
          { text: '圏域・町から', fontSize: 8, color: PALETTE.muted, alignment: 'right', noWrap: true },
        ],
        ...list.map((c) => [
          { text: c.name, fontSize: 9.5 },
          {
            text: c.inside === 0 ? '—' : `${c.inside}`,
            fontSize: 10,
            bold: c.inside > 0,
            alignment: 'right',
          },
          { text: c.fromAbove === 0 ? '—' : `${c.fromAbove}`, fontSize: 10, alignment: 'right' },
        ]),
      ],
    },
    layout: {
      hLineWidth: (i: number) => (i === 1 ? 0.8 : 0.4),
      vLineWidth: () => 0,
      hLineColor: () => PALETTE.line,
      paddingTop: () => 1.2,
      paddingBottom: () => 1.2,
    },
  });
  const inside = data.categories.reduce((n, c) => n + c.inside, 0);
  const fromAbove = data.categories.reduce((n, c) => n + c.fromAbove, 0);

  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: MARGIN,
    language: 'ja-JP',
    info: { title: `わがまちこんなとこシート ${data.area.name}`, author: data.tenant.name },
    defaultStyle: { font: FONT, fontSize: 10, lineHeight: 1.02, color: PALETTE.ink },
    footer: (_current, count) => {
      pageCount = count;
      return {
        text: jp(
          `${data.tenant.name}　${formatWareki(data.today)}現在の情報です。数は、暮らしのささえあい案内に載っている活動やサービスの数です。`,
        ),
        fontSize: 8,
        color: PALETTE.muted,
        margin: [MARGIN[0], 12, MARGIN[2], 0],
      };
    },
    content: [
      {
        columns: [
          {
            stack: [
              { text: 'わがまちこんなとこシート', fontSize: 11, bold: true, color: PALETTE.brand },
              { text: data.area.name, fontSize: 24, bold: true },
              {
                text: jp(
                  [
                    data.area.layerLabel,
                    // 「第2層（日常生活圏域）・日常生活圏域」 would say it twice.
                    data.area.layerLabel.includes(data.area.kind) ? '' : data.area.kind,
                    ...data.area.path,
                  ]
                    .filter(Boolean)
                    .join('・'),
                ),
                fontSize: 9.5,
                color: PALETTE.muted,
              },
            ],
          },
          {
            width: 170,
            stack: [
              { text: `${data.tenant.prefecture}${data.tenant.name}`, fontSize: 11, alignment: 'right' },
              { text: `${formatWareki(data.today)}現在`, fontSize: 10, alignment: 'right' },
              ...(data.tenant.fictional
                ? [
                    {
                      text: '架空の町（デモ）です',
                      fontSize: 9,
                      bold: true,
                      color: PALETTE.warnInk,
                      alignment: 'right',
                    },
                  ]
                : []),
            ],
          },
        ],
        margin: [0, 0, 0, 4],
      },
      ...(data.area.contains.length > 0
        ? [
            {
              text: jp(
                `ふくまれる地域：${data.area.contains.slice(0, 12).join('、')}${data.area.contains.length > 12 ? `ほか${data.area.contains.length - 12}か所` : ''}`,
              ),
              fontSize: 9,
              margin: [0, 0, 0, 6],
            },
          ]
        : []),
      {
        columns: [
          { width: WIDTH - mapWidth - 14, stack: [stats] },
          {
            width: mapWidth,
            stack: [
              { svg: map.svg, width: mapWidth, height: mapHeight },
              {
                text: jp(
                  `上が北です。${map.scale ? `左下の線は${map.scale.metres >= 1000 ? `${map.scale.metres / 1000}km` : `${map.scale.metres}m`}です。` : ''}地図の印は地域の中にある場所です（場所の決まっていないものは載りません）。`,
                ),
                fontSize: 7.5,
                color: PALETTE.muted,
                margin: [0, 2, 0, 2],
              },
              ...legendRows,
            ],
          },
        ],
        columnGap: 14,
        margin: [0, 0, 0, 8],
      },
      {
        text: [
          { text: '活動やサービスの数', bold: true, fontSize: 12 },
          { text: `　地域の中 ${inside}件・圏域や町全体から ${fromAbove}件`, fontSize: 9.5 },
        ],
        margin: [0, 0, 0, 2],
      },
      {
        columns: [categoryTable(data.categories.slice(0, half)), categoryTable(data.categories.slice(half))],
        columnGap: 14,
      },
      {
        columns: [
          textBox(
            '地域のお宝（よいところ・強み）',
            '人・場所・活動・つながりなど、この地域のよいところを書きます。',
            data.strengths,
            (WIDTH - 12) / 2,
          ),
          textBox(
            '気になること',
            '暮らしの中で気になること、足りないと感じることを書きます（地域について。個人のことは書きません）。',
            data.concerns,
            (WIDTH - 12) / 2,
          ),
        ],
        columnGap: 12,
        margin: [0, 10, 0, 0],
      },
    ] as Content,
  };
  return { doc, pages: () => pageCount };
}
