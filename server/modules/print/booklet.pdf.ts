import type { Content, TableLayout, TDocumentDefinitions } from 'pdfmake/interfaces';
import { fiscalYearLabel, fiscalYearOf, formatWareki } from '../../../domain/dates';
import type { BookletData, BookletEntry, BookletSection } from './booklet.data';
import { FONT, jp, jpInline, type Node, PALETTE } from './pdf';

/*
 * The 生活便利帳 as a pdfmake document: cover, もくじ with page numbers, one section per top-level
 * category, each entry as 何を・どこで・いつ・いくら・申し込み with the phone number largest, and
 * a さくいん in 五十音順 with page numbers. Page numbers of the contents and the index are pdfmake
 * page references, resolved after layout, so they are always the pages things landed on.
 */

/** Type sizes in points: ordinary print 11–12 pt, 大きな文字 14–16 pt (ui.md). */
export interface BookletType {
  body: number;
  small: number;
  label: number;
  title: number;
  phone: number;
  heading: number;
}
export const TYPE: Record<'normal' | 'large', BookletType> = {
  normal: { body: 11.5, small: 10, label: 10.5, title: 14, phone: 17, heading: 19 },
  large: { body: 15, small: 13, label: 14, title: 18, phone: 22, heading: 23 },
};

const PAGE = {
  A4: { width: 595.28, height: 841.89, margins: [50, 46, 50, 58] as [number, number, number, number] },
  A5: { width: 419.53, height: 595.28, margins: [34, 34, 34, 48] as [number, number, number, number] },
};

/** Lines of Noto Sans JP are 1.45 em tall at lineHeight 1; a little more reads easier. */
const LINE = 1.08;
const EM_LINE = 1.45 * LINE;

const entryTable: TableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: (i) => (i === 0 ? 6 : 0),
  paddingTop: () => 1.5,
  paddingBottom: () => 1.5,
};

export interface BookletDocument {
  doc: TDocumentDefinitions;
  /** How many entries pdfmake has placed on pages so far (read during layout). */
  laidOut(): number;
  /** Pages of the finished layout (known once the footer has been drawn). */
  pages(): number;
}

export const entryAnchor = (id: string) => `e-${id}`;
const sectionAnchor = (code: string) => `s-${code}`;
const INDEX_ANCHOR = 'index';

export function bookletDocument(
  data: BookletData,
  onLayout: (laid: number) => void = () => {},
): BookletDocument {
  const t = TYPE[data.large ? 'large' : 'normal'];
  const page = PAGE[data.size];
  const bodyWidth = page.width - page.margins[0] - page.margins[2];
  const bodyHeight = page.height - page.margins[1] - page.margins[3];
  const labelWidth = t.label * 4 + 6;
  /** Characters per line in the value column, for the estimate of how tall an entry is. */
  const perLine = Math.floor((bodyWidth - labelWidth - 6) / t.body);

  const entryNodes: Record<string, unknown>[] = [];
  const sections: Node[] = data.sections.map((s) =>
    section(s, t, labelWidth, perLine, bodyHeight, entryNodes),
  );
  let pageCount = 0;

  let laid = 0;
  const laidOut = () => {
    // pdfmake records where each node went on the node itself; entries are laid out in order.
    while (
      laid < entryNodes.length &&
      ((entryNodes[laid] as { positions?: unknown[] }).positions?.length ?? 0) > 0
    )
      laid++;
    return laid;
  };

  const doc: TDocumentDefinitions = {
    pageSize: data.size,
    pageMargins: page.margins,
    info: {
      title: `生活便利帳 ${data.tenant.name} ${data.scopeName}`,
      subject: `${formatWareki(data.today)}現在の地域資源`,
      author: data.tenant.name,
    },
    language: 'ja-JP',
    defaultStyle: { font: FONT, fontSize: t.body, lineHeight: LINE, color: PALETTE.ink },
    // Called as each page is added during layout: the moment to count what has been placed.
    background: () => {
      onLayout(laidOut());
      return null as unknown as Content;
    },
    footer: (current, count) => {
      pageCount = count;
      if (current === 1) return null as unknown as Content;
      return {
        margin: [page.margins[0], 14, page.margins[2], 0],
        columns: [
          {
            text: `生活便利帳　${data.tenant.name}　${data.scopeName}`,
            fontSize: t.small - 1,
            color: PALETTE.muted,
          },
          { text: `${current}`, alignment: 'right', fontSize: t.body, bold: true, width: 60 },
        ],
      };
    },
    content: [
      cover(data, t, bodyHeight),
      contents(data, t, bodyWidth),
      ...(sections.length > 0
        ? sections
        : [
            {
              text: 'この地域で載せられる活動やサービスは、まだありません。',
              fontSize: t.title,
              margin: [0, 40, 0, 0],
            },
          ]),
      index(data, t, bodyWidth),
      colophon(data, t),
    ] as Content,
  };
  return { doc, laidOut, pages: () => pageCount };
}

function cover(data: BookletData, t: BookletType, bodyHeight: number): Node {
  const fy = fiscalYearLabel(fiscalYearOf(data.today));
  // The cover must fit one page in every variant (A5 大きな文字 is the tightest): type and gaps
  // scale with the paper, and the contact line, the longest text, stays at the body size.
  const scale = data.size === 'A4' ? 1 : 0.72;
  const contactSize = data.size === 'A4' ? Math.max(t.body, 13) : Math.min(t.body, 12.5);
  return {
    stack: [
      {
        text: `${data.tenant.prefecture}　${data.tenant.name}`,
        fontSize: 18 * scale,
        margin: [0, bodyHeight * (data.size === 'A4' ? 0.08 : 0.03), 0, 6],
      },
      { text: '生活便利帳', fontSize: 44 * scale, bold: true, color: PALETTE.brand, margin: [0, 0, 0, 4] },
      { text: '暮らしのささえあい案内', fontSize: 20 * scale, margin: [0, 0, 0, 28 * scale] },
      {
        table: {
          widths: ['*'],
          body: [
            [
              {
                stack: [
                  { text: data.scopeName, fontSize: 28 * scale, bold: true },
                  ...(data.scopeLayer
                    ? [{ text: data.scopeLayer, fontSize: 13 * scale, color: PALETTE.muted }]
                    : []),
                ],
                margin: [14, 10, 14, 10],
              },
            ],
          ],
        },
        layout: {
          hLineWidth: () => 2,
          vLineWidth: () => 2,
          hLineColor: () => PALETTE.brand,
          vLineColor: () => PALETTE.brand,
        },
        margin: [0, 0, 0, 22 * scale],
      },
      { text: fy, fontSize: 24 * scale, bold: true, margin: [0, 0, 0, 4] },
      { text: `${formatWareki(data.today)}現在の情報です`, fontSize: 15 * scale, margin: [0, 0, 0, 4] },
      {
        text: `${data.total}件の活動やサービスを載せています`,
        fontSize: 13 * scale,
        color: PALETTE.muted,
        margin: [0, 0, 0, 24 * scale],
      },
      ...(data.tenant.fictional
        ? [
            {
              table: {
                widths: ['*'],
                body: [
                  [
                    {
                      text: 'これは架空の町（デモ）の冊子です。載っている場所や団体、電話番号は実在しません。',
                      bold: true,
                      color: PALETTE.warnInk,
                      fillColor: PALETTE.warnBg,
                      margin: [10, 8, 10, 8],
                      fontSize: 13 * scale,
                    },
                  ],
                ],
              },
              layout: 'noBorders',
              margin: [0, 0, 0, 24 * scale] as [number, number, number, number],
            },
          ]
        : []),
      { text: 'わからないこと・ご相談は', bold: true, fontSize: contactSize },
      {
        text: jp(
          data.tenant.portalContact ||
            'お住まいの地域の地域包括支援センター、または役場の高齢者福祉の窓口へお電話ください。',
        ),
        fontSize: contactSize,
      },
    ],
    pageBreak: 'after',
  };
}

function contents(data: BookletData, t: BookletType, bodyWidth: number): Node {
  const pageWidth = t.body * 3.6;
  const line = (text: string, anchor: string, count: string): Node => ({
    columns: [
      {
        text: [
          { text, bold: true },
          { text: count, fontSize: t.small, color: PALETTE.muted },
        ],
        width: '*',
      },
      { text: '', pageReference: anchor, alignment: 'right', width: pageWidth, bold: true },
    ],
    margin: [0, 3, 0, 3],
  });
  return {
    stack: [
      { text: 'もくじ', fontSize: t.heading, bold: true, margin: [0, 0, 0, 8] },
      {
        columns: [
          { text: '分類', fontSize: t.small, color: PALETTE.muted },
          { text: 'ページ', fontSize: t.small, color: PALETTE.muted, alignment: 'right', width: pageWidth },
        ],
      },
      {
        canvas: [
          { type: 'line', x1: 0, y1: 2, x2: bodyWidth, y2: 2, lineWidth: 0.6, lineColor: PALETTE.line },
        ],
        margin: [0, 0, 0, 4],
      },
      ...data.sections.map((s) =>
        line(
          s.name,
          sectionAnchor(s.code),
          s.entries.length > 0 ? `　${s.entries.length}件` : '　ほかのページのご案内',
        ),
      ),
      line('さくいん（名前の五十音順）', INDEX_ANCHOR, ''),
      { text: 'この冊子の見方', fontSize: t.title, bold: true, margin: [0, 18, 0, 6] },
      {
        ul: [
          '「何を」「どこで」「いつ」「いくら」「申し込み」の順にご案内しています。',
          'お問い合わせは「電話」の番号へどうぞ。',
          '「一時休止中」と書いてあるものは、今はお休みしています。',
          '「…に確認した情報です」と書いてあるものは、しばらく確認できていません。お出かけ前にお電話でお確かめください。',
          '名前がわかっているときは、うしろの「さくいん」からページを探せます。',
        ].map((s) => ({ text: jp(s), margin: [0, 0, 0, 3] as [number, number, number, number] })),
      },
    ],
    pageBreak: 'after',
  };
}

/** A rough height of an entry, to decide whether it can be kept on one page. */
function estimateHeight(e: BookletEntry, t: BookletType, perLine: number): number {
  const lines = (s: string) => Math.max(1, Math.ceil(s.length / Math.max(8, perLine)));
  const texts = [e.description, e.eligibility, e.place ?? '', e.access ?? '', e.fee, e.apply, ...e.schedules];
  const bodyLines = texts.filter(Boolean).reduce((n, s) => n + lines(s), 0);
  return (
    t.title * EM_LINE * 2 +
    bodyLines * t.body * EM_LINE +
    e.phones.length * t.phone * EM_LINE +
    (e.stale ? 2 : 0) * t.small * EM_LINE +
    24
  );
}

function section(
  s: BookletSection,
  t: BookletType,
  labelWidth: number,
  perLine: number,
  bodyHeight: number,
  entryNodes: Record<string, unknown>[],
): Node {
  const heading: Node = {
    table: {
      widths: ['*'],
      body: [
        [
          {
            text: s.name,
            id: sectionAnchor(s.code),
            fontSize: t.heading,
            bold: true,
            color: '#ffffff',
            fillColor: PALETTE.brand,
            margin: [10, 5, 10, 5],
          },
        ],
      ],
    },
    layout: 'noBorders',
    margin: [0, 6, 0, 10],
  };
  const entries = s.entries.map((e) => {
    const node = entry(e, t, labelWidth);
    // An entry that fits on a page is never split; a very long one may be, rather than overflow.
    if (estimateHeight(e, t, perLine) < bodyHeight * 0.85) node.unbreakable = true;
    entryNodes.push(node);
    return node;
  });
  const seeAlso: Node[] =
    s.seeAlso.length === 0
      ? []
      : [
          { text: 'ほかのページにも載っています', bold: true, fontSize: t.body, margin: [0, 4, 0, 2] },
          ...s.seeAlso.map(
            (x): Node => ({
              // The page number has a column of its own: pdfmake fills it in after layout and only
              // moves the number itself, so a word after it in the same line would be overprinted.
              columns: [
                { text: jp(x.name), width: '*' },
                { text: '', pageReference: entryAnchor(x.id), width: t.body * 3.6, alignment: 'right' },
                { text: 'ページ', width: 'auto' },
              ],
              margin: [8, 1, 0, 1],
            }),
          ),
        ];
  const [first, ...rest] = entries;
  // The heading travels with its first entry, so a section never starts at the foot of a page.
  return {
    stack: [
      first ? { stack: [heading, first], unbreakable: first.unbreakable === true } : heading,
      ...rest,
      ...seeAlso,
    ],
    margin: [0, 0, 0, 10],
  };
}

/** A label and its value; `valueSize` lines the label up with a larger value (the phone). */
function row(label: string, value: Node, t: BookletType, valueSize = t.body): Node[] {
  return [
    {
      text: label,
      bold: true,
      fontSize: t.label,
      color: PALETTE.muted,
      margin: [0, (valueSize - t.label) * 0.7, 0, 0],
    },
    value,
  ];
}

function entry(e: BookletEntry, t: BookletType, labelWidth: number): Record<string, unknown> {
  const rows: Node[][] = [];
  if (e.description) rows.push(row('何を', { text: jp(e.description) }, t));
  if (e.eligibility) rows.push(row('対象', { text: jp(e.eligibility) }, t));
  if (e.place) rows.push(row('どこで', { text: jp(e.place) }, t));
  if (e.access) rows.push(row('行き方', { text: jp(e.access) }, t));
  if (e.schedules.length > 0) rows.push(row('いつ', { stack: e.schedules.map((s) => ({ text: jp(s) })) }, t));
  if (e.fee) rows.push(row('いくら', { text: jp(e.fee) }, t));
  if (e.apply) rows.push(row('申し込み', { text: jp(e.apply) }, t));
  if (e.phones.length > 0)
    rows.push(
      row(
        '電話',
        {
          stack: e.phones.map((p) => ({
            text: [
              { text: p.number, fontSize: t.phone, bold: true, noWrap: true },
              ...(p.label ? [{ text: `　${p.label}`, fontSize: t.small, color: PALETTE.muted }] : []),
            ],
            lineHeight: 1,
          })),
        },
        t,
        t.phone,
      ),
    );
  // The phone is what a reader looks for first; when there is none to print, say where to ask.
  else
    rows.push(
      row(
        '電話',
        {
          text: jp('載せていません。表紙の「わからないこと・ご相談は」の窓口へお問い合わせください。'),
          fontSize: t.small,
          color: PALETTE.muted,
        },
        t,
      ),
    );
  if (e.other.length > 0) rows.push(row('連絡先', { text: e.other.join('\n'), fontSize: t.small }, t));

  const title: Node = {
    text: [
      ...(jpInline(e.name, { bold: true, fontSize: t.title }) as never[]),
      ...(e.paused
        ? [
            {
              text: '　一時休止中　',
              bold: true,
              fontSize: t.small,
              color: '#ffffff',
              background: PALETTE.closedBg,
            },
          ]
        : []),
    ],
    id: entryAnchor(e.id),
    margin: [0, 0, 0, 1],
  };
  const stack: Node[] = [title];
  if (e.organizationName)
    stack.push({
      text: jp(`運営：${e.organizationName}`),
      fontSize: t.small,
      color: PALETTE.muted,
      margin: [0, 0, 0, 3],
    });
  if (rows.length > 0)
    stack.push({
      table: { widths: [labelWidth, '*'], body: rows },
      layout: entryTable,
      margin: [0, 2, 0, 0],
    });
  if (e.stale)
    stack.push({
      text: jp(
        e.checkedOn
          ? `${formatWareki(e.checkedOn)}に確認した情報です。お出かけ前にお電話でお確かめください。`
          : 'しばらく確認できていない情報です。お出かけ前にお電話でお確かめください。',
      ),
      fontSize: t.small,
      bold: true,
      color: PALETTE.warnInk,
      background: PALETTE.warnBg,
      margin: [0, 3, 0, 0],
    });
  stack.push({
    canvas: [{ type: 'line', x1: 0, y1: 6, x2: 40, y2: 6, lineWidth: 0.8, lineColor: PALETTE.line }],
    margin: [0, 0, 0, 8],
  });
  return { stack, margin: [0, 4, 0, 0] };
}

function index(data: BookletData, t: BookletType, bodyWidth: number): Node {
  const twoColumns = data.size === 'A4';
  // Plain lines of text: pdfmake flows text, but not nested columns, from one column into the next.
  const items: Node[] = data.index.flatMap((g) => [
    {
      text: g.row,
      bold: true,
      fontSize: t.title,
      color: PALETTE.brand,
      margin: [0, 6, 0, 2],
    },
    ...g.items.map(
      (i): Node => ({
        text: [
          ...jpInline(i.name),
          { text: ' … ', color: PALETTE.muted },
          { text: '', pageReference: entryAnchor(i.id), bold: true },
        ],
        margin: [0, 0.5, 0, 0.5],
      }),
    ),
  ]);
  return {
    stack: [
      { text: 'さくいん', id: INDEX_ANCHOR, fontSize: t.heading, bold: true, margin: [0, 0, 0, 4] },
      {
        text: '名前の読みの五十音順です。右の数字がページです。',
        fontSize: t.small,
        color: PALETTE.muted,
        margin: [0, 0, 0, 6],
      },
      twoColumns
        ? {
            columns: [{ stack: items }, { text: '' }],
            snakingColumns: true,
            columnGap: Math.round(bodyWidth * 0.06),
          }
        : { stack: items },
    ],
    pageBreak: 'before',
  };
}

function colophon(data: BookletData, t: BookletType): Node {
  return {
    stack: [
      { text: 'この冊子について', bold: true, fontSize: t.title, margin: [0, 0, 0, 4] },
      {
        text: jp(
          `${formatWareki(data.today)}現在、${data.tenant.name}の暮らしのささえあい案内に載っている情報から作りました。内容が変わっていることがあります。お出かけ前にお電話でお確かめください。`,
        ),
      },
      {
        text: jp(`載っている情報は ${data.tenant.openDataLicence} で自由にお使いいただけます。`),
        fontSize: t.small,
        color: PALETTE.muted,
        margin: [0, 4, 0, 0],
      },
    ],
    margin: [0, 24, 0, 0],
    unbreakable: true,
  };
}
