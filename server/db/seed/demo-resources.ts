import type { ResourceInput } from '../../../contracts/resources';

/*
 * The 地域資源 of ささえ町 (fictional): about 150 entries across every category and 地区, with the
 * schedule patterns of the seeds — 月1回水曜日のサロン, 貯筋体操の自主グループ, ちょい加勢
 * (30分300円・60分600円＋機材料), 木曜の移動販売, 週4日のコミュニティカフェ — some informal ones
 * (庭の提供と見守り) and some deliberately past their check date.
 */

/** The town as a rectangle: 北部 / 中央 / 南部 bands, each cut into its 地区 from west to east. */
export const TOWN_BOX = { south: 43.25, north: 43.35, west: 141.85, east: 141.97 };
const BANDS: Record<string, [number, number]> = {
  北部圏域: [43.32, 43.35],
  中央圏域: [43.28, 43.32],
  南部圏域: [43.25, 43.28],
};

export type Box = { south: number; north: number; west: number; east: number };

export function boxPolygon(b: Box) {
  return {
    type: 'Polygon' as const,
    coordinates: [
      [
        [b.west, b.south],
        [b.east, b.south],
        [b.east, b.north],
        [b.west, b.north],
        [b.west, b.south],
      ],
    ],
  };
}

/** Boxes of the 圏域 and of their 地区 (in the order the districts are listed). */
export function demoBoxes(regions: { name: string; districts: { name: string }[] }[]): Map<string, Box> {
  const out = new Map<string, Box>([['town', TOWN_BOX]]);
  for (const r of regions) {
    const [south, north] = BANDS[r.name]!;
    out.set(r.name, { south, north, west: TOWN_BOX.west, east: TOWN_BOX.east });
    const width = (TOWN_BOX.east - TOWN_BOX.west) / r.districts.length;
    r.districts.forEach((d, i) => {
      out.set(d.name, {
        south,
        north,
        west: TOWN_BOX.west + i * width,
        east: TOWN_BOX.west + (i + 1) * width,
      });
    });
  }
  return out;
}

function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoResource {
  input: ResourceInput;
  /** Organization to create (or reuse) by name. */
  organization?: { name: string; kind: string };
  /** Last confirmed this many days before the seed date, and so past its check date. */
  staleDays?: number;
}

type District = { name: string; town: string; box: Box };

/** Everything in the town; `districts` carry their boxes so places fall inside them. */
export function demoResources(
  districts: District[],
  regions: { name: string; box: Box }[],
  townWideAreaId: string,
): DemoResource[] {
  const random = rng(77);
  const out: DemoResource[] = [];
  const at = (box: Box) => ({
    latitude: Number((box.south + (box.north - box.south) * (0.2 + random() * 0.6)).toFixed(6)),
    longitude: Number((box.west + (box.east - box.west) * (0.2 + random() * 0.6)).toFixed(6)),
  });
  const phone = () =>
    `0126-${String(50 + Math.floor(random() * 40)).padStart(2, '0')}-${String(1000 + Math.floor(random() * 8999))}`;
  const weekdays = ['日', '月', '火', '水', '木', '金', '土'];

  districts.forEach((d, i) => {
    const place = (name: string) => ({
      name,
      address: `北海道ささえ町${d.town}${1 + (i % 5)}-${2 + (i % 7)}`,
      ...at(d.box),
    });
    const hall = `${d.name.replace('地区', '')}会館`;
    const chiku = d.name.replace('地区', '');
    const wd = weekdays[1 + (i % 5)]!;
    const council = { name: `${chiku}町内会`, kind: '町内会・自治会' };
    out.push({
      organization: council,
      input: {
        name: `${chiku}ふれあいサロン`,
        kana: '',
        kind: 'informal',
        sogoType: 'general-prevention',
        categories: ['ibasho'],
        description: 'お茶を飲みながらおしゃべり。月に一度、保健師さんの血圧測定があります。',
        eligibility: { kinds: ['anyone'], description: '' },
        schedules: [{ text: `毎月第${1 + (i % 4)}${wd}曜日 10時～12時` }],
        fees: { free: false, description: 'お茶代', options: [{ label: '1回', amount: 100, note: '' }] },
        applicationProcess: '申し込みはいりません。直接会場へお越しください。',
        location: place(hall),
        phones: [{ number: phone(), description: '町内会長（自宅）', public: false }],
        contacts: [{ name: '町内会長', title: '会長', public: false }],
      },
      staleDays: i % 4 === 0 ? 420 : undefined,
    });
    out.push({
      organization: { name: `${chiku}貯筋クラブ`, kind: '住民グループ' },
      input: {
        name: `貯筋体操 ${chiku}`,
        kind: 'informal',
        sogoType: 'day-b',
        categories: ['kayoinoba'],
        description: 'DVDを見ながらおもりを使った体操。自主グループです。',
        schedules: [{ text: `毎週${weekdays[1 + ((i + 2) % 5)]}曜日 9時30分～10時30分` }],
        fees: { free: true, description: '', options: [] },
        capacity: 20,
        location: place(hall),
      },
    });
    if (i % 2 === 0) {
      out.push({
        organization: council,
        input: {
          name: `${chiku}見守り隊`,
          kind: 'informal',
          categories: ['mimamori'],
          description: '新聞や灯りの様子で、ひとり暮らしの方の変わりがないか気にかけています。',
          applicationProcess: '地区の民生委員か、社会福祉協議会へご相談ください。',
          location: place(hall),
        },
      });
    }
    out.push({
      input: {
        name: `${chiku}の庭の提供と見守り`,
        kind: 'informal',
        categories: ['ibasho', 'mimamori'],
        description: '庭を開放して、近所の方がお茶を飲める場所にしています。来た人どうしで見守り合います。',
        schedules: [{ text: '天気のよい日の午後（不定期）' }],
        location: place(`${chiku}の個人宅の庭`),
        notes: '提供者の名前は公開しない約束。',
      },
      staleDays: i % 3 === 0 ? 400 : undefined,
    });
    out.push({
      organization: { name: `${chiku}老人クラブ`, kind: '老人クラブ' },
      input: {
        name: `${chiku}老人クラブ 囲碁・将棋の会`,
        kind: 'informal',
        categories: ['shumi'],
        schedules: [{ text: `第2・第4${weekdays[1 + ((i + 3) % 5)]}曜日 13:30～16:00` }],
        fees: { free: false, description: '', options: [{ label: '年会費', amount: 1200, note: '' }] },
        eligibility: { kinds: ['members', 'aged65'], description: '60歳以上の会員' },
        location: place(hall),
      },
    });
    out.push({
      input: {
        name: `${chiku}ゴミ出しお手伝い`,
        kind: 'informal',
        categories: ['gomidashi'],
        description: 'ゴミ出しが難しい方の分を、近所の有志が集積所まで運びます。',
        schedules: [{ text: '毎週火・金 朝8時まで' }],
        areaIds: [],
        location: place(hall),
      },
    });
    if (i % 3 === 1) {
      out.push({
        input: {
          name: `${chiku}コミュニティカフェ「えん」`,
          kind: 'informal',
          categories: ['ibasho', 'shokuji'],
          description: '誰でも立ち寄れるカフェ。日替わりランチもあります。',
          schedules: [{ text: '月・火・木・金 10時～15時（祝日は休み）' }],
          fees: {
            free: false,
            description: 'コーヒー200円、ランチ500円',
            options: [
              { label: 'コーヒー', amount: 200, note: '' },
              { label: 'ランチ', amount: 500, note: '' },
            ],
          },
          location: place(`${chiku}商店街の空き店舗`),
          phones: [{ number: phone(), description: '', public: true }],
        },
      });
    }
    out.push({
      input: {
        name: `${chiku}話し相手ボランティア`,
        kind: 'informal',
        categories: ['hanashiaite'],
        description: 'ご自宅を訪ねて、おしゃべりの相手をします。',
        applicationProcess: '社会福祉協議会のボランティアセンターへ電話でお申し込みください。',
        location: place(hall),
      },
    });
    out.push({
      input: {
        name: `${chiku} 移動販売の停留所`,
        kind: 'formal',
        categories: ['idou-hanbai'],
        description: '移動スーパー「ささえ号」が止まります。肉・魚・野菜・日用品があります。',
        schedules: [{ text: `毎週木曜日 ${10 + (i % 6)}:00～${10 + (i % 6)}:30` }],
        fees: { free: true, description: '品物の代金のみ', options: [] },
        location: place(`${chiku}公民館前`),
        phones: [{ number: '0126-50-3333', description: 'ささえ号（販売員）', public: true }],
      },
      organization: { name: '株式会社ささえマート', kind: '民間企業' },
    });
  });

  districts.forEach((d, i) => {
    const chiku = d.name.replace('地区', '');
    const place = (name: string) => ({
      name,
      address: `北海道ささえ町${d.town}${2 + (i % 4)}-${1 + (i % 9)}`,
      ...at(d.box),
    });
    out.push(
      {
        input: {
          name: `${chiku}手芸の会`,
          kind: 'informal',
          categories: ['shumi'],
          description: '編み物や布ぞうりづくりを楽しむ会です。初めての方も歓迎。',
          schedules: [{ text: `第1・第3${weekdays[1 + ((i + 1) % 5)]}曜日 13時～15時` }],
          fees: { free: false, description: '材料費は実費', options: [] },
          location: place(`${chiku}会館 和室`),
        },
      },
      {
        input: {
          name: `${chiku}ウォーキングクラブ`,
          kind: 'informal',
          categories: ['kayoinoba'],
          description: '朝の30分、地区の中を歩きます。雨の日は中止です。',
          schedules: [{ text: '毎週水曜日 7:00～7:30（雨天中止、冬期休止）' }],
          location: place(`${chiku}公園`),
        },
        staleDays: i % 5 === 2 ? 450 : undefined,
      },
      {
        input: {
          name: `${chiku}地区 民生委員の相談`,
          kind: 'formal',
          categories: ['soudan'],
          description: '暮らしの心配ごとを、地区の民生委員・児童委員が伺います。秘密は守ります。',
          applicationProcess: '社会福祉協議会にお電話いただければ、担当の民生委員からご連絡します。',
          phones: [{ number: '0126-50-1111', description: '社協 受付', public: true }],
          location: place(`${chiku}会館`),
        },
      },
      {
        organization: { name: `${chiku}商店`, kind: '商店' },
        input: {
          name: `${chiku}商店の配達`,
          kind: 'formal',
          categories: ['takuhai'],
          description: '電話で注文した食料品や日用品を、その日のうちに届けます。',
          schedules: [{ text: '月～土 9:00～18:00' }],
          fees: { free: true, description: '2,000円以上で配達無料', options: [] },
          phones: [{ number: phone(), description: '', public: true }],
          location: place(`${chiku}商店`),
        },
      },
      {
        organization: { name: `${chiku}町内会`, kind: '町内会・自治会' },
        input: {
          name: `${chiku}会館`,
          kind: 'formal',
          categories: ['shisetsu'],
          description: '町内会の集会所。サロンや体操、会議に使えます。',
          applicationProcess: '使う日の1週間前までに町内会長へ申し込みます。',
          fees: {
            free: false,
            description: '町内会の活動は無料',
            options: [{ label: '半日', amount: 500, note: '' }],
          },
          location: place(`${chiku}会館`),
        },
      },
      {
        input: {
          name: `${chiku}の朝の声かけ`,
          kind: 'informal',
          categories: ['mimamori'],
          description: '登校の見守りのついでに、ひとり暮らしの方に声をかけています。',
          schedules: [{ text: '平日 朝7時半ごろ' }],
          location: place(`${chiku}の通学路`),
        },
      },
    );
  });

  regions.forEach((r, i) => {
    const place = (name: string) => ({
      name,
      address: `北海道ささえ町${r.name.replace('圏域', '')}${i + 1}`,
      ...at(r.box),
    });
    const base = r.name.replace('圏域', '');
    out.push({
      organization: { name: 'ささえ町社会福祉協議会', kind: '社会福祉協議会' },
      input: {
        name: `ちょい加勢（${base}）`,
        kind: 'informal',
        sogoType: 'visit-b',
        categories: ['kaji', 'kusakari'],
        description: '電球交換、草取り、家具の移動など、1時間以内のちょっとした手伝いです。',
        fees: {
          free: false,
          description: '草刈機などを使うときは機材料が別にかかります',
          options: [
            { label: '30分', amount: 300, note: '' },
            { label: '60分', amount: 600, note: '' },
            { label: '機材料', amount: null, note: '使うときのみ' },
          ],
        },
        eligibility: { kinds: ['aged65', 'support-needed'], description: '町内の65歳以上の方、要支援の方' },
        applicationProcess: '社会福祉協議会へ電話でお申し込みください。2日前までにお願いします。',
        location: place(`${base}地区 社協サテライト`),
        phones: [{ number: '0126-50-1111', description: '社協 受付', public: true }],
      },
    });
    out.push({
      input: {
        name: `${base}認知症カフェ「オレンジ」`,
        kind: 'formal',
        sogoType: 'general-prevention',
        categories: ['ninchisho-cafe'],
        description: '認知症の方、ご家族、地域の方がお茶を飲みながら話せる場です。専門職も参加します。',
        schedules: [{ text: `毎月第${i + 1}土曜日 13:30～15:00` }],
        fees: { free: false, description: '', options: [{ label: '1回', amount: 100, note: '' }] },
        location: place(`${base}デイサービスセンター`),
      },
      organization: { name: '社会福祉法人ささえ会', kind: '社会福祉法人' },
      staleDays: i === 2 ? 500 : undefined,
    });
    out.push({
      organization: { name: '社会福祉法人ささえ会', kind: '社会福祉法人' },
      input: {
        name: `デイサービスセンター${base}`,
        kind: 'formal',
        sogoType: 'day-equivalent',
        categories: ['kaigo-service'],
        description: '通所介護。入浴、昼食、機能訓練。',
        schedules: [{ text: '月～土 8:30～17:00（年末年始は休み）' }],
        capacity: 25,
        eligibility: {
          kinds: ['support-needed', 'care-needed'],
          description: '要支援・要介護の認定を受けた方',
        },
        location: place(`${base}デイサービスセンター`),
        phones: [{ number: `0126-5${i}-2200`, description: '', public: true }],
      },
    });
    out.push({
      input: {
        name: `${base}の除雪ボランティア`,
        kind: 'informal',
        categories: ['kusakari', 'volunteer'],
        description: '大雪の日に、玄関から道路までの雪かきをお手伝いします。担い手も募集中です。',
        schedules: [{ text: '大雪の日（12月～3月）' }],
        location: place(`${base}地区`),
      },
    });
  });

  const townWide = { areaIds: [townWideAreaId] };
  const center = { south: 43.295, north: 43.305, west: 141.905, east: 141.915 };
  const townPlace = (name: string, address: string) => ({
    name,
    address: `北海道ささえ町${address}`,
    ...at(center),
  });
  out.push(
    {
      organization: { name: 'ささえ町社会福祉協議会', kind: '社会福祉協議会' },
      input: {
        name: '配食サービス「まごころ弁当」',
        kind: 'formal',
        sogoType: 'other-life-support',
        categories: ['shokuji', 'mimamori'],
        description: 'お弁当を届けるときに、お変わりないか確かめます。',
        schedules: [{ text: '平日 昼' }],
        fees: { free: false, description: '', options: [{ label: '1食', amount: 500, note: '' }] },
        eligibility: { kinds: ['aged65'], description: 'ひとり暮らし、または高齢者のみの世帯' },
        applicationProcess: '地域包括支援センターへご相談ください。',
        ...townWide,
      },
    },
    {
      organization: { name: 'ささえ町', kind: '行政' },
      input: {
        name: 'ささえ町地域包括支援センター',
        kind: 'formal',
        categories: ['soudan'],
        description: '介護、健康、暮らしの困りごとの相談窓口です。',
        schedules: [{ text: '平日 8:30～17:15（祝日・年末年始は休み）' }],
        location: townPlace('ささえ町保健福祉センター1階', '本町1丁目1-1'),
        phones: [{ number: '0126-50-2000', description: '', public: true }],
        ...townWide,
      },
    },
    {
      organization: { name: 'ささえ町社会福祉協議会', kind: '社会福祉協議会' },
      input: {
        name: 'ささえ町ボランティアセンター',
        kind: 'formal',
        categories: ['volunteer', 'soudan'],
        description: 'ボランティアをしたい人と、手伝ってほしい人をつなぎます。担い手を募集しています。',
        schedules: [{ text: '平日 9:00～17:00' }],
        location: townPlace('ささえ町福祉会館', '本町2丁目3-4'),
        phones: [{ number: '0126-50-1111', description: '社協 受付', public: true }],
        ...townWide,
      },
    },
    {
      organization: { name: 'ささえ町シルバー人材センター', kind: 'シルバー人材センター' },
      input: {
        name: 'シルバー人材センターのお仕事',
        kind: 'formal',
        categories: ['shurou'],
        description: '草刈り、障子張り、子どもの見守りなど、経験を活かした仕事があります。',
        eligibility: { kinds: ['aged65', 'members'], description: '60歳以上で会員登録した方' },
        schedules: [{ text: '平日 9:00～16:00' }],
        location: townPlace('ささえ町シルバー人材センター', '駅前通2-1'),
        ...townWide,
      },
    },
    {
      organization: { name: 'ささえ町社会福祉協議会', kind: '社会福祉協議会' },
      input: {
        name: '買物バス「いっしょに号」',
        kind: 'informal',
        sogoType: 'visit-d',
        categories: ['kaimono-bus', 'idou'],
        description: '北部・南部の地区から町の中心のスーパーまで、乗り合いで送迎します。',
        schedules: [{ text: '毎週火曜日 10時～12時' }],
        fees: { free: true, description: 'ガソリン代の実費を寄付でお願いしています', options: [] },
        applicationProcess: '前の週の金曜日までに社協へ電話で予約してください。',
        phones: [{ number: '0126-50-1111', description: '社協 受付', public: true }],
        ...townWide,
      },
    },
    {
      organization: { name: 'ささえ町', kind: '行政' },
      input: {
        name: 'いきいき介護予防教室',
        kind: 'formal',
        sogoType: 'general-prevention',
        categories: ['yobo-kyoshitsu'],
        description: '理学療法士と歯科衛生士による、転倒予防とお口の健康の教室（全6回）。',
        schedules: [{ text: '毎月第1・第3木曜日 13:30～15:00' }],
        capacity: 30,
        eligibility: { kinds: ['aged65'], description: '町内の65歳以上の方' },
        location: townPlace('ささえ町保健福祉センター', '本町1丁目1-1'),
        ...townWide,
      },
    },
    {
      input: {
        name: '子ども食堂「みんなの台所」',
        kind: 'informal',
        categories: ['shokuji', 'ibasho'],
        description: '子どもも高齢の方も一緒に食べられる食堂です。',
        schedules: [{ text: '毎月第2・第4土曜日 17:00～19:00' }],
        fees: {
          free: false,
          description: '子どもは無料',
          options: [{ label: '大人', amount: 300, note: '' }],
        },
        location: townPlace('ささえ町福祉会館', '本町2丁目3-4'),
        ...townWide,
      },
    },
    {
      organization: { name: 'ささえ町社会福祉協議会', kind: '社会福祉協議会' },
      input: {
        name: '買物代行サービス',
        kind: 'informal',
        sogoType: 'visit-b',
        categories: ['kaimono-daikou'],
        description: '買い物メモを預かり、ボランティアが代わりに買って届けます。',
        schedules: [{ text: '毎週月・木曜日 午後' }],
        fees: {
          free: false,
          description: '品物の代金のほか',
          options: [{ label: '1回', amount: 200, note: '' }],
        },
        phones: [{ number: '0126-50-1111', description: '社協 受付', public: true }],
        ...townWide,
      },
    },
    {
      organization: { name: 'ささえ町商工会', kind: '商工会' },
      input: {
        name: '買い物お困りごと相談',
        kind: 'formal',
        categories: ['kaimono', 'soudan'],
        description: '配達してくれるお店、電話注文できるお店をご案内します。',
        schedules: [{ text: '平日 9:00～17:00' }],
        location: townPlace('ささえ町商工会', '駅前通1-5'),
        ...townWide,
      },
    },
    {
      organization: { name: 'NPO法人ささえ移送サービス', kind: 'NPO法人' },
      input: {
        name: '福祉有償運送（通院の送迎）',
        kind: 'formal',
        categories: ['idou'],
        description: '車いすのまま乗れる車で、通院などの送迎をします。',
        schedules: [{ text: '平日 8:00～17:00' }],
        fees: { free: false, description: '', options: [{ label: '町内片道', amount: 500, note: '' }] },
        eligibility: { kinds: ['members'], description: '会員登録（年会費1,000円）が必要です' },
        applicationProcess: '利用の3日前までに電話で予約してください。',
        phones: [{ number: '0126-50-4444', description: '', public: true }],
        ...townWide,
      },
      staleDays: 380,
    },
    {
      organization: { name: 'ささえ町社会福祉協議会', kind: '社会福祉協議会' },
      input: {
        name: '夏の草刈りボランティア',
        kind: 'informal',
        categories: ['kusakari', 'volunteer'],
        description: '庭や空き地の草刈りをお手伝いします。',
        schedules: [{ text: '毎週土曜日（6～10月）' }],
        ...townWide,
      },
    },
  );
  return out;
}
