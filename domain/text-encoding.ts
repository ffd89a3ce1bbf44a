// Municipal files arrive in every encoding Excel can write (standards §8.4): UTF-8 with and without BOM,
// cp932 and UTF-16. The official rule was never found, so the encoding is sniffed and reported.

/** An encoding decodeBytes can detect. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'cp932';

/** How each encoding is named to staff (e.g. in an import preview). */
export const ENCODING_LABELS: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8（BOMあり）',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  cp932: 'Shift_JIS（cp932）',
};

// Enough of the file to judge by without scanning a large upload twice.
const SNIFF_BYTES = 4096;

function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n === 0) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  // UTF-8 and cp932 text has no NUL bytes at all. In UTF-16 every ASCII character (digits, commas, quotes,
  // line breaks) has a NUL high byte, but kanji do not, so a Japanese-heavy CSV may have NUL in well under
  // half of its high bytes: a clear one-sided share of NULs is the signal, not a majority.
  if (oddNul >= pairs * 0.1 && oddNul > evenNul * 4) return 'utf-16le';
  if (evenNul >= pairs * 0.1 && evenNul > oddNul * 4) return 'utf-16be';
  return null;
}

/**
 * Decodes a file's bytes: BOM first (EF BB BF, FF FE, FE FF), then BOM-less UTF-16 by its NUL bytes,
 * then strict UTF-8, else cp932. The BOM is never part of the returned text.
 */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  // ignoreBOM keeps TextDecoder from silently eating a second BOM; the one we detected is sliced off ourselves.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return {
      text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)),
      encoding: 'utf-8-bom',
    };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes.subarray(2)),
      encoding: 'utf-16le',
    };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      text: new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes.subarray(2)),
      encoding: 'utf-16be',
    };
  }
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: new TextDecoder(utf16, { ignoreBOM: true }).decode(bytes), encoding: utf16 };
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes),
      encoding: 'utf-8',
    };
  } catch {
    // WHATWG's shift_jis decoder is Windows-31J, i.e. cp932 with the NEC and IBM extensions (①, 髙).
    return { text: new TextDecoder('shift_jis').decode(bytes), encoding: 'cp932' };
  }
}
