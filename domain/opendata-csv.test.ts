import { describe, expect, it } from 'vitest';
import { toExcelCsv } from './csv-write';
import {
  addressParts,
  EVENT_COLUMNS,
  eventRows,
  FACILITY_COLUMNS,
  facilityRows,
  type OpenDataResource,
  toKatakana,
  weekdayLetters,
} from './opendata-csv';
import { describeSchedule, nextOccurrences, parseJapaneseSchedule, parseOpenDataSchedule } from './schedule';

const town = { code: '019992', name: 'ささえ町', prefecture: '北海道' };
const page = (id: string) => `https://example.test/t/019992/r/${id}`;

function schedule(text: string) {
  const rule = parseJapaneseSchedule(text);
  return { rule, description: describeSchedule(rule), nextDates: nextOccurrences(rule, '2026-11-24', 5) };
}

const salon: OpenDataResource = {
  id: '11111111-1111-4111-8111-111111111111',
  name: '峰野ふれあいサロン',
  kana: 'みねのふれあいさろん',
  alternateName: '',
  description: 'お茶を飲みながらおしゃべり、月に一度の血圧測定',
  status: 'active',
  categories: [{ code: 'ibasho', name: '居場所・サロン' }],
  organizationName: '峰野町内会',
  capacity: 20,
  applicationProcess: '申し込みはいりません',
  feeText: '1回 100円',
  schedules: [schedule('毎月第2水曜日 10時～12時'), schedule('天気のよい日の午後（不定期）')],
  location: {
    name: '峰野会館',
    address: '北海道ささえ町峰野1-2',
    latitude: 43.31,
    longitude: 141.9,
    accessibility: '段差なし',
    transportation: '峰野バス停から徒歩3分',
  },
  phones: [{ number: '0126-50-1111', description: '社協 受付' }],
  contacts: [],
  lastVerifiedAt: '2026-10-01T00:00:00.000Z',
};

const cells = (columns: readonly string[], row: unknown[]) =>
  Object.fromEntries(columns.map((c, i) => [c, row[i]]));

describe('イベント一覧', () => {
  it('has one row per schedule: the next session as 開始日/終了日, the rule in words, later dates in 備考', () => {
    const rows = eventRows(town, [salon], page);
    expect(rows).toHaveLength(2);
    const first = cells(EVENT_COLUMNS, rows[0]!);
    expect(first).toMatchObject({
      全国地方公共団体コード: '019992',
      ID: `${salon.id}-1`,
      地方公共団体名: '北海道ささえ町',
      イベント名: '峰野ふれあいサロン',
      イベント名_カナ: 'ミネノフレアイサロン',
      開始日: '2026-12-09',
      終了日: '2026-12-09',
      開始時間: '10:00',
      終了時間: '12:00',
      開始日時特記事項: '毎月第2水曜日 10時〜12時',
      '料金(基本)': '1回 100円',
      連絡先名称: '社協 受付',
      連絡先電話番号: '0126-50-1111',
      主催者: '峰野町内会',
      場所名称: '峰野会館',
      所在地_連結表記: '北海道ささえ町峰野1-2',
      所在地_都道府県: '北海道',
      所在地_市区町村: 'ささえ町',
      所在地_全国地方公共団体コード: '019992',
      緯度: '43.31',
      経度: '141.9',
      定員: 20,
      URL: page(salon.id),
    });
    expect(first.備考).toContain('その後の開催日：2027-01-13');
    expect(first.備考).toContain('内容の確認日：2026-10-01');
    const irregular = cells(EVENT_COLUMNS, rows[1]!);
    expect(irregular).toMatchObject({
      開始日: '',
      終了日: '',
      開始日時特記事項: '天気のよい日の午後（不定期）',
    });
  });

  it('leaves out what is 休止中', () => {
    expect(eventRows(town, [{ ...salon, status: 'temporarily closed' }], page)).toEqual([]);
  });
});

describe('公共施設一覧', () => {
  it('has one row per resource with a place, the hall in 建物名等(方書) and weekdays our importer reads back', () => {
    const cafe: OpenDataResource = {
      ...salon,
      id: '22222222-2222-4222-8222-222222222222',
      name: 'みんなのカフェ',
      kana: 'みんなのかふぇ',
      schedules: [schedule('月・火・木・金 10時～15時')],
    };
    const rows = facilityRows(town, [cafe, { ...salon, location: null }], page);
    expect(rows).toHaveLength(1);
    const row = cells(FACILITY_COLUMNS, rows[0]!);
    expect(row).toMatchObject({
      名称: 'みんなのカフェ',
      名称_カナ: 'ミンナノカフェ',
      '建物名等(方書)': '峰野会館',
      利用可能曜日: '月火木金',
      開始時間: '10:00',
      終了時間: '15:00',
      電話番号: '0126-50-1111',
      バリアフリー情報: '段差なし',
    });
    expect(row.備考).toContain('分類：居場所・サロン');
    const back = parseOpenDataSchedule({
      availableDate: String(row.利用可能曜日),
      startTime: String(row.開始時間),
      endTime: String(row.終了時間),
    });
    expect(back.weekdays).toEqual(cafe.schedules[0]!.rule.weekdays);
    expect([back.opensAt, back.closesAt]).toEqual(['10:00', '15:00']);
  });

  it('leaves times empty when the schedules disagree, and says 休止中', () => {
    const both = {
      ...salon,
      status: 'temporarily closed' as const,
      schedules: [schedule('毎週月曜日 9時～10時'), schedule('毎週木曜日 13時～15時')],
    };
    const row = cells(FACILITY_COLUMNS, facilityRows(town, [both], page)[0]!);
    expect([row.利用可能曜日, row.開始時間, row.終了時間]).toEqual(['月木', '', '']);
    expect(row.利用可能日時特記事項).toBe('毎週月曜日 9時〜10時／毎週木曜日 13時〜15時');
    expect(String(row.備考).startsWith('休止中')).toBe(true);
  });
});

describe('pieces', () => {
  it('writes カナ in katakana', () => {
    expect(toKatakana('ささえちょう ふれあい・サロン１')).toBe('ササエチョウ フレアイ・サロン１');
  });

  it('tells addresses in town from addresses elsewhere', () => {
    expect(addressParts('北海道ささえ町本町1-2', town)).toEqual({
      prefecture: '北海道',
      city: 'ささえ町',
      code: '019992',
    });
    expect(addressParts('ささえ町本町1-2', town)).toEqual({
      prefecture: '北海道',
      city: 'ささえ町',
      code: '019992',
    });
    expect(addressParts('北海道札幌市中央区1', town)).toEqual({ prefecture: '北海道', city: '', code: '' });
    expect(addressParts('香川県高松市', town)).toEqual({ prefecture: '', city: '', code: '' });
  });

  it('orders weekdays from Monday', () => {
    expect(weekdayLetters([0, 6, 1, 3])).toBe('月水土日');
  });

  it('makes a file Excel opens: BOM, CRLF, quoted commas', () => {
    const quoted = { ...salon, description: 'お茶, "おしゃべり"\n血圧測定' };
    const text = toExcelCsv([[...EVENT_COLUMNS], ...eventRows(town, [quoted], page)]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\r\n')[0]).toBe(`\uFEFF${EVENT_COLUMNS.join(',')}`);
    expect(text).toContain('"お茶, ""おしゃべり""\n血圧測定"');
  });
});
