/**
 * Roles a user can hold in a tenant (市町村). System administrators are a user flag, not a role.
 * Capabilities are data so that policies and the UI read the same table.
 */
export const ROLES = ['insurer_staff', 'sc1', 'sc2', 'council_member', 'reader'] as const;
export type Role = (typeof ROLES)[number];

export interface RoleInfo {
  /** Japanese label shown in the workspace. */
  label: string;
  /** Short description for the invitation form. */
  description: string;
  /** May change anything in the tenant. */
  writeTenant: boolean;
  /** May change only what belongs to the areas assigned to them (第2層 SC). */
  writeAssignedAreas: boolean;
  /** May invite users and change their roles. */
  manageMembers: boolean;
}

export const ROLE_INFO: Record<Role, RoleInfo> = {
  insurer_staff: {
    label: '保険者職員（市町村）',
    description: '市町村の担当職員。町のすべての情報を見て変更でき、利用者を招待できます。',
    writeTenant: true,
    writeAssignedAreas: false,
    manageMembers: true,
  },
  sc1: {
    label: '第1層 生活支援コーディネーター',
    description: '市町村全域を担当するコーディネーター。町のすべての情報を見て変更できます。',
    writeTenant: true,
    writeAssignedAreas: false,
    manageMembers: false,
  },
  sc2: {
    label: '第2層 生活支援コーディネーター',
    description: '日常生活圏域を担当するコーディネーター。町全体を見られ、担当の地域の情報を変更できます。',
    writeTenant: false,
    writeAssignedAreas: true,
    manageMembers: false,
  },
  council_member: {
    label: '協議体委員',
    description: '協議体の委員。所属する協議体の資料を見て、意見を書き込めます。',
    writeTenant: false,
    writeAssignedAreas: false,
    manageMembers: false,
  },
  reader: {
    label: '閲覧者（都道府県・厚生局・アドバイザー）',
    description: '許可された市町村の情報を見るだけの利用者です。',
    writeTenant: false,
    writeAssignedAreas: false,
    manageMembers: false,
  },
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
