import { useTenantScope } from '../../lib/session';
import { useAreaList } from '../areas';
import { areaTree } from '../needs/format';

/** Several areas ticked from the town's tree (活動できる地域, 活動する地域). */
export function AreaChecklist({
  legend,
  hint,
  value,
  onChange,
  error,
  idBase,
}: {
  legend: string;
  hint?: string;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
  idBase: string;
}) {
  const scope = useTenantScope();
  const list = useAreaList(scope.code, undefined);
  const rows = list.data ? areaTree(list.data.areas) : [];
  return (
    <fieldset
      className={`fieldset area-checklist${error ? ' field--error' : ''}`}
      aria-describedby={hint ? `${idBase}-hint` : undefined}
    >
      <legend className="fieldset__legend">{legend}</legend>
      {hint && (
        <p className="field__hint" id={`${idBase}-hint`}>
          {hint}
        </p>
      )}
      {error && <p className="field__error">{error}</p>}
      <div className="area-checklist__items">
        {rows.map(({ area, depth }, i) => (
          <label key={area.id} className="check" style={{ marginInlineStart: `${depth * 1.25}em` }}>
            <input
              id={i === 0 ? `${idBase}-first` : undefined}
              type="checkbox"
              checked={value.includes(area.id)}
              onChange={(e) =>
                onChange(e.target.checked ? [...value, area.id] : value.filter((x) => x !== area.id))
              }
            />
            <span>{area.name}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
