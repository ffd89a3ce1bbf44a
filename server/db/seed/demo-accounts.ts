import type { Role } from '../../../domain/roles';

/** The demo town's code: valid check digit, assigned to no real municipality (checked in a test). */
export const DEMO_TENANT = {
  code: '019992',
  name: 'ささえ町',
  kana: 'ささえちょう',
  prefecture: '北海道',
} as const;

export const DEMO_PASSWORD = 'sasaeai-demo-2026';

export interface DemoAccountSpec {
  email: string;
  displayName: string;
  label: string;
  description: string;
  systemAdmin?: boolean;
  role?: Role;
  /** Names of the areas a 第2層 SC is assigned to. */
  areas?: string[];
}

/** One account per role, listed on the login page in demo mode. Fictional people. */
export const DEMO_ACCOUNT_SPECS: DemoAccountSpec[] = [
  {
    email: 'hokensha@sasae.example',
    displayName: '川村 さくら',
    label: '保険者職員（市町村）',
    description: '町の担当職員。地域・人口統計・利用者の管理ができます。',
    role: 'insurer_staff',
  },
  {
    email: 'sc1@sasae.example',
    displayName: '大野 健一',
    label: '第1層 生活支援コーディネーター',
    description: '町全体を担当（社会福祉協議会）。',
    role: 'sc1',
  },
  {
    email: 'sc2@sasae.example',
    displayName: '森田 あゆみ',
    label: '第2層 生活支援コーディネーター',
    description: '北部圏域を担当。町全体を見られ、北部圏域だけ変更できます。',
    role: 'sc2',
    areas: ['北部圏域'],
  },
  {
    email: 'kyogitai@sasae.example',
    displayName: '佐藤 正男',
    label: '協議体委員',
    description: '峰野町内会長。北部圏域の第2層協議体の会長、第1層協議体の委員。',
    role: 'council_member',
  },
  {
    email: 'reader@sasae.example',
    displayName: '北海道 保健福祉部',
    label: '閲覧者（都道府県）',
    description: '見るだけの利用者。',
    role: 'reader',
  },
  {
    email: 'admin@sasae.example',
    displayName: 'システム管理者',
    label: 'システム管理者',
    description: '団体（市町村）の登録ができます。',
    systemAdmin: true,
  },
];

export const DEMO_ACCOUNTS = DEMO_ACCOUNT_SPECS.map((a) => ({
  email: a.email,
  password: DEMO_PASSWORD,
  label: a.label,
  description: a.description,
}));
