// Licences a municipality may choose for the open data its portal publishes. Most Japanese
// municipalities use CC BY 4.0 (政府標準利用規約 第2.0版 is compatible with it) or the Digital
// Agency's 公共データ利用規約 (PDL1.0, standards §8.1); CC0 is for those who ask for no attribution.

export const OPEN_DATA_LICENCES = ['CC BY 4.0', 'PDL1.0', 'CC0 1.0'] as const;
export type OpenDataLicence = (typeof OPEN_DATA_LICENCES)[number];

export interface LicenceInfo {
  /** As stored: 'CC BY 4.0'. */
  code: string;
  /** Its name in Japanese, as residents and data users read it. */
  title: string;
  /** Where its text is (Japanese page where there is one); null for a licence we do not know. */
  url: string | null;
  /** SPDX identifier for machine-readable metadata (datapackage.json); null when none exists. */
  spdx: string | null;
  /** What a user of the data must do, in one plain sentence. */
  summary: string;
}

const KNOWN: Record<OpenDataLicence, Omit<LicenceInfo, 'code'>> = {
  'CC BY 4.0': {
    title: 'クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）',
    url: 'https://creativecommons.org/licenses/by/4.0/deed.ja',
    spdx: 'CC-BY-4.0',
    summary: '出典（市町村名とこのページ）を書けば、加工や商用も含めて自由にお使いいただけます。',
  },
  'PDL1.0': {
    title: '公共データ利用規約（第1.0版）（PDL1.0）',
    url: 'https://www.digital.go.jp/resources/open_data/public_data_license_v1.0',
    spdx: null,
    summary: '出典を書けば、加工や商用も含めて自由にお使いいただけます（CC BY 4.0 と両立します）。',
  },
  'CC0 1.0': {
    title: 'クリエイティブ・コモンズ 0 パブリック・ドメイン（CC0 1.0）',
    url: 'https://creativecommons.org/publicdomain/zero/1.0/deed.ja',
    spdx: 'CC0-1.0',
    summary: '出典を書かなくても、自由にお使いいただけます。',
  },
};

export function isOpenDataLicence(s: string): s is OpenDataLicence {
  return (OPEN_DATA_LICENCES as readonly string[]).includes(s);
}

/** What we can say about a stored licence; one we do not know is shown as written, without a link. */
export function licenceInfo(code: string): LicenceInfo {
  if (isOpenDataLicence(code)) return { code, ...KNOWN[code] };
  return {
    code,
    title: code,
    url: null,
    spdx: null,
    summary: 'ご利用の条件は市町村にお問い合わせください。',
  };
}
