/*
 * The default Japanese taxonomy of life-support categories (生活支援の分類), kept as data. Each tenant
 * gets a copy it may extend (its own words and synonyms). Synonyms are what people type or what
 * towns call the same thing; readings feed the kana search; the portal group is the big button a
 * resident presses (集う・体を動かす・買い物 …).
 */

export const PORTAL_GROUPS = [
  { code: 'gather', label: '集う', description: 'みんなで集まる場所・サロン・カフェ' },
  { code: 'exercise', label: '体を動かす', description: '体操・運動・介護予防の教室' },
  { code: 'shopping', label: '買い物', description: '移動販売・宅配・買い物の手伝い' },
  { code: 'transport', label: '移動', description: '通院や買い物の送迎・乗り合い' },
  { code: 'meals', label: '食事', description: '会食・配食・お弁当' },
  { code: 'watch', label: '見守り', description: '声かけ・安否確認・話し相手' },
  { code: 'chores', label: '家の用事', description: '家事・ゴミ出し・草刈り・除雪' },
  { code: 'learn', label: '学ぶ・楽しむ', description: '趣味・講座・学び' },
  { code: 'role', label: '働く・役割', description: '仕事・ボランティア・地域の役割' },
  { code: 'consult', label: '相談', description: '困ったときの相談窓口' },
  { code: 'care', label: '介護サービス', description: '介護保険のサービス・施設' },
] as const;
export type PortalGroup = (typeof PORTAL_GROUPS)[number]['code'];

/**
 * Each group's colour and Lucide icon name, shared by the staff workspace, the public portal and
 * printed matter. Colours are at least 4.5:1 on white, so that a marker on the pale map and the
 * text of a tag both stay legible; the word is always shown too (never colour alone).
 */
export const GROUP_LOOK: Record<PortalGroup | 'other', { color: string; icon: string; label: string }> = {
  gather: { color: '#b4531a', icon: 'Coffee', label: '集う' },
  exercise: { color: '#1d6b3a', icon: 'PersonStanding', label: '体を動かす' },
  shopping: { color: '#9c2f6e', icon: 'ShoppingBasket', label: '買い物' },
  transport: { color: '#1f5fa8', icon: 'Bus', label: '移動' },
  meals: { color: '#8a5300', icon: 'UtensilsCrossed', label: '食事' },
  watch: { color: '#6b3fa0', icon: 'HeartHandshake', label: '見守り' },
  chores: { color: '#56641b', icon: 'BrushCleaning', label: '家の用事' },
  learn: { color: '#0e6f6f', icon: 'BookOpen', label: '学ぶ・楽しむ' },
  role: { color: '#8a3b2a', icon: 'Briefcase', label: '働く・役割' },
  consult: { color: '#3d4f8a', icon: 'MessagesSquare', label: '相談' },
  care: { color: '#b0263a', icon: 'HeartPulse', label: '介護サービス' },
  other: { color: '#59636b', icon: 'Tag', label: 'その他' },
};

export interface TaxonomyTermSeed {
  /** Stable code, used in URLs, imports and the HSDS taxonomy_term.code. */
  code: string;
  name: string;
  kana: string;
  parent?: string;
  group: PortalGroup;
  synonyms: string[];
  description: string;
}

export const LIFE_SUPPORT_TAXONOMY_ID = 'sasaeai-seikatsu-shien';

export const LIFE_SUPPORT_TERMS: TaxonomyTermSeed[] = [
  {
    code: 'ibasho',
    name: '居場所・サロン',
    kana: 'いばしょ・さろん',
    group: 'gather',
    synonyms: [
      'サロン',
      'ふれあいサロン',
      'いきいきサロン',
      '居場所',
      'たまり場',
      '茶話会',
      'お茶会',
      'コミュニティカフェ',
      'カフェ',
      '集い',
      '集いの場',
    ],
    description: '誰でも立ち寄れて、お茶やおしゃべりを楽しめる場所。',
  },
  {
    code: 'kayoinoba',
    name: '通いの場（体操・運動）',
    kana: 'かよいのば（たいそう・うんどう）',
    group: 'exercise',
    synonyms: [
      '通いの場',
      '体操',
      '貯筋体操',
      'いきいき百歳体操',
      '百歳体操',
      '運動',
      'ストレッチ',
      'ウォーキング',
      '筋トレ',
      '自主グループ',
    ],
    description: '住民が自主的に集まって体操や運動を続ける場。',
  },
  {
    code: 'yobo-kyoshitsu',
    name: '介護予防教室',
    kana: 'かいごよぼうきょうしつ',
    group: 'exercise',
    synonyms: ['介護予防', '教室', '転倒予防', 'フレイル予防', '口腔', '栄養', '脳トレ', '健康教室'],
    description: '専門職が関わる介護予防の教室や講座。',
  },
  {
    code: 'ninchisho-cafe',
    name: '認知症カフェ',
    kana: 'にんちしょうかふぇ',
    group: 'gather',
    synonyms: ['オレンジカフェ', '認知症', '家族会', 'ケアラーズカフェ'],
    description: '認知症の人や家族、地域の人が気軽に集える場。',
  },
  {
    code: 'shokuji',
    name: '会食・配食',
    kana: 'かいしょく・はいしょく',
    group: 'meals',
    synonyms: ['会食', '配食', '弁当', 'お弁当', '食事会', '食事', '給食', '子ども食堂', 'みんな食堂'],
    description: 'みんなで食べる会や、お弁当を届けるサービス。',
  },
  {
    code: 'kaimono',
    name: '買い物支援',
    kana: 'かいものしえん',
    group: 'shopping',
    synonyms: ['買い物', '買物', '買物支援', 'お買い物'],
    description: '買い物に行けない人への支援。',
  },
  {
    code: 'idou-hanbai',
    name: '移動販売',
    kana: 'いどうはんばい',
    parent: 'kaimono',
    group: 'shopping',
    synonyms: ['移動スーパー', 'とくし丸', '販売車', '出張販売'],
    description: '車でお店が近くまで来る販売。',
  },
  {
    code: 'takuhai',
    name: '宅配',
    kana: 'たくはい',
    parent: 'kaimono',
    group: 'shopping',
    synonyms: ['配達', '宅配サービス', 'ネットスーパー', '御用聞き'],
    description: '注文した品を家まで届けるサービス。',
  },
  {
    code: 'kaimono-daikou',
    name: '買物代行',
    kana: 'かいものだいこう',
    parent: 'kaimono',
    group: 'shopping',
    synonyms: ['買い物代行', '買物の手伝い', '買い物同行'],
    description: '代わりに買い物をする、または付き添う手伝い。',
  },
  {
    code: 'kaimono-bus',
    name: '買物バス',
    kana: 'かいものばす',
    parent: 'kaimono',
    group: 'shopping',
    synonyms: ['買い物バス', '買物ツアー', '買い物送迎'],
    description: 'お店まで乗り合いで行くバスや送迎。',
  },
  {
    code: 'idou',
    name: '移動支援',
    kana: 'いどうしえん',
    group: 'transport',
    synonyms: [
      '送迎',
      '移送',
      '乗合',
      '乗り合い',
      'デマンド交通',
      '外出支援',
      '通院',
      '付き添い',
      '福祉有償運送',
    ],
    description: '通院や買い物などの外出の送迎・付き添い。',
  },
  {
    code: 'mimamori',
    name: '見守り・安否確認',
    kana: 'みまもり・あんぴかくにん',
    group: 'watch',
    synonyms: ['見守り', '安否確認', '声かけ', '訪問', '緊急通報', '見守りネットワーク'],
    description: '日ごろの声かけや訪問で、変わりがないか確かめる活動。',
  },
  {
    code: 'kaji',
    name: '家事援助',
    kana: 'かじえんじょ',
    group: 'chores',
    synonyms: [
      '家事',
      '掃除',
      '洗濯',
      '調理',
      '電球交換',
      'ちょい加勢',
      '有償ボランティア',
      '生活支援',
      '困りごと',
    ],
    description: '掃除や電球交換などの、家のちょっとした手伝い。',
  },
  {
    code: 'gomidashi',
    name: 'ゴミ出し',
    kana: 'ごみだし',
    group: 'chores',
    synonyms: ['ごみ出し', 'ゴミ捨て', '粗大ごみ', '分別'],
    description: 'ゴミを集積所まで出す手伝い。',
  },
  {
    code: 'kusakari',
    name: '草刈り・除雪',
    kana: 'くさかり・じょせつ',
    group: 'chores',
    synonyms: ['草刈り', '草取り', '除雪', '雪かき', '雪下ろし', '庭木', '剪定', '庭の手入れ'],
    description: '草刈りや雪かきなど、家の外の作業の手伝い。',
  },
  {
    code: 'hanashiaite',
    name: '話し相手',
    kana: 'はなしあいて',
    group: 'watch',
    synonyms: ['傾聴', 'おしゃべり', '話し相手ボランティア', '電話訪問'],
    description: '訪問や電話でおしゃべりの相手をする活動。',
  },
  {
    code: 'shumi',
    name: '趣味・学び',
    kana: 'しゅみ・まなび',
    group: 'learn',
    synonyms: [
      '趣味',
      '学び',
      '講座',
      '手芸',
      '囲碁',
      '将棋',
      'カラオケ',
      '書道',
      '生涯学習',
      '老人クラブ',
      'サークル',
    ],
    description: '趣味の会、講座、学びの場。',
  },
  {
    code: 'shurou',
    name: '就労的活動',
    kana: 'しゅうろうてきかつどう',
    group: 'role',
    synonyms: ['就労', '仕事', '役割', 'シルバー人材センター', '農作業', '有償', '働く'],
    description: '役割や収入につながる仕事・活動の場。',
  },
  {
    code: 'soudan',
    name: '相談窓口',
    kana: 'そうだんまどぐち',
    group: 'consult',
    synonyms: [
      '相談',
      '窓口',
      '地域包括支援センター',
      '包括',
      '社会福祉協議会',
      '社協',
      '民生委員',
      '困りごと相談',
    ],
    description: '困ったときに相談できる窓口。',
  },
  {
    code: 'volunteer',
    name: 'ボランティア募集',
    kana: 'ぼらんてぃあぼしゅう',
    group: 'role',
    synonyms: ['ボランティア', '募集', '担い手', '支え手', 'サポーター', 'ボランティアセンター'],
    description: '担い手（ボランティア）を募集している活動。',
  },
  {
    code: 'kaigo-service',
    name: '介護保険サービス',
    kana: 'かいごほけんさーびす',
    group: 'care',
    synonyms: [
      '介護',
      'デイサービス',
      '通所',
      '訪問介護',
      'ショートステイ',
      '特別養護老人ホーム',
      '特養',
      'グループホーム',
      '小規模多機能',
      '介護事業所',
    ],
    description: '介護保険で使うサービスや施設。',
  },
  {
    code: 'shisetsu',
    name: '集会所・公共施設',
    kana: 'しゅうかいじょ・こうきょうしせつ',
    group: 'gather',
    synonyms: [
      '集会所',
      '公民館',
      'コミュニティセンター',
      '交流センター',
      '老人福祉センター',
      '老人いこいの家',
      '会館',
      '福祉センター',
    ],
    description: '集まりや活動に使える場所。',
  },
];

/** Terms by code, and each term's descendants (a filter on 買い物支援 includes 移動販売 …). */
export function descendantsOf(
  code: string,
  terms: readonly { code: string; parent?: string | null }[],
): string[] {
  const out = [code];
  for (let i = 0; i < out.length; i++) {
    for (const t of terms) if (t.parent === out[i]) out.push(t.code);
  }
  return out;
}
