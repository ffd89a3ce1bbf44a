import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { testdata } from '../testdata';
import { decodeBytes, ENCODING_LABELS } from './text-encoding';

const data = (path: string) => new Uint8Array(readFileSync(testdata(`data/${path}`)));

function utf16le(text: string, bom: boolean): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  return new Uint8Array(bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body);
}

describe('decodeBytes on real files', () => {
  it('reads the Shift_JIS edition of localgovjp as cp932', () => {
    const { text, encoding } = decodeBytes(data('localgovjp/2019_localgovjp-sjis.csv'));
    expect(encoding).toBe('cp932');
    expect(text.startsWith('pid,pref,cid,city')).toBe(true);
    expect(text).toContain('札幌市');
    expect(text).not.toContain('\uFFFD');
  });

  it('reads the UTF-8 edition with BOM and strips the BOM', () => {
    const { text, encoding } = decodeBytes(data('localgovjp/localgovjp-utf8.csv'));
    expect(encoding).toBe('utf-8-bom');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.startsWith('pid,pref,cid,city')).toBe(true);
    expect(text).toContain('札幌市');
  });

  it('reads 高松市 population as UTF-8 without BOM', () => {
    const { text, encoding } = decodeBytes(data('takamatsu/population_0066_202407.csv'));
    expect(encoding).toBe('utf-8');
    expect(text.startsWith('"#property"')).toBe(true);
    expect(text).toContain('塩屋町');
  });
});

describe('decodeBytes on made-up bytes', () => {
  const csv = '地域名,総人口\r\n塩屋町,400\r\n';

  it('reads UTF-16LE with BOM', () => {
    expect(decodeBytes(utf16le(csv, true))).toEqual({ text: csv, encoding: 'utf-16le' });
  });

  it('reads UTF-16LE without BOM, even when kanji keep most high bytes non-NUL', () => {
    expect(decodeBytes(utf16le(csv, false))).toEqual({ text: csv, encoding: 'utf-16le' });
    const mostlyKanji = '高松市塩屋町築地町塩上町,1\r\n';
    expect(decodeBytes(utf16le(mostlyKanji, false))).toEqual({ text: mostlyKanji, encoding: 'utf-16le' });
  });

  it('reads UTF-16BE with BOM', () => {
    const le = Buffer.from(csv, 'utf16le');
    const be = Buffer.alloc(le.length);
    for (let i = 0; i < le.length; i += 2) {
      be[i] = le[i + 1]!;
      be[i + 1] = le[i]!;
    }
    const bytes = new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    expect(decodeBytes(bytes)).toEqual({ text: csv, encoding: 'utf-16be' });
  });

  it('round-trips characters that exist only in cp932 (髙 ① ～)', () => {
    const text = '髙橋,①,0～4歳';
    const bytes = new Uint8Array(iconv.encode(text, 'cp932'));
    expect(decodeBytes(bytes)).toEqual({ text, encoding: 'cp932' });
  });

  it('treats plain ASCII and empty input as UTF-8', () => {
    expect(decodeBytes(new TextEncoder().encode('a,b\n1,2\n'))).toEqual({
      text: 'a,b\n1,2\n',
      encoding: 'utf-8',
    });
    expect(decodeBytes(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });

  it('keeps a second BOM-like character that is part of the text', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x61]);
    expect(decodeBytes(bytes)).toEqual({ text: '\uFEFFa', encoding: 'utf-8-bom' });
  });
});

describe('ENCODING_LABELS', () => {
  it('names every encoding for staff', () => {
    expect(ENCODING_LABELS).toEqual({
      'utf-8': 'UTF-8',
      'utf-8-bom': 'UTF-8（BOMあり）',
      'utf-16le': 'UTF-16LE',
      'utf-16be': 'UTF-16BE',
      cp932: 'Shift_JIS（cp932）',
    });
  });
});
