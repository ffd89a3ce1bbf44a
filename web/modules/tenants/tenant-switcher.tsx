import { Building2, Check } from 'lucide-react';
import { Link } from 'react-router';
import { paths, rememberTenant } from '../../lib/paths';
import { useUser } from '../../lib/session';
import { FictionalBadge } from '../../ui/badge';
import { Disclosure } from '../../ui/disclosure';
import { useTenantList } from './queries';

interface Choice {
  code: string;
  name: string;
  prefecture: string;
  fictional: boolean;
}

/** 団体の切り替え: the user's memberships; system administrators see every tenant. */
export function TenantSwitcher({ current }: { current: string | null }) {
  const user = useUser();
  const all = useTenantList(user.systemAdmin);
  const choices: Choice[] = user.systemAdmin
    ? (all.data?.tenants ?? []).map((t) => ({
        code: t.code,
        name: t.name,
        prefecture: t.prefecture,
        fictional: t.fictional,
      }))
    : user.memberships.map((m) => ({
        code: m.tenantId,
        name: m.tenantName,
        prefecture: m.prefecture,
        fictional: m.fictional,
      }));
  if (!user.systemAdmin && choices.length <= 1) return null;
  return (
    <Disclosure
      buttonClassName="button button--on-dark button--small"
      align="left"
      label={
        <>
          <Building2 aria-hidden="true" size={18} />
          団体を切り替える
        </>
      }
    >
      {(close) => (
        <ul className="disclosure__list">
          {all.isPending && user.systemAdmin && <li className="disclosure__heading">読み込んでいます…</li>}
          {choices.map((c) => (
            <li key={c.code}>
              <Link
                to={paths.home(c.code)}
                aria-current={c.code === current ? 'true' : undefined}
                onClick={() => {
                  rememberTenant(c.code);
                  close();
                }}
              >
                {c.code === current ? <Check aria-hidden="true" size={18} /> : <span style={{ width: 18 }} />}
                <span>
                  {c.prefecture} {c.name}
                </span>
                {c.fictional && <FictionalBadge />}
              </Link>
            </li>
          ))}
          {user.systemAdmin && (
            <li>
              <Link to={paths.tenantNew()} onClick={close}>
                <span style={{ width: 18 }} />
                団体を登録する…
              </Link>
            </li>
          )}
        </ul>
      )}
    </Disclosure>
  );
}
