import { Check } from 'lucide-react';

/**
 * A row of big radio tiles for one thumb on a phone (quick capture of needs, quick log of
 * activities). The real radio button covers each tile: it takes the tap, the keys and the screen
 * reader; the fieldset around it gives the question.
 */
export function TileChoices<T extends string | number>({
  name,
  options,
  value,
  onChange,
  firstId,
}: {
  name: string;
  options: readonly { code: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
  /** The id of the first radio, so that an error summary can link to the group. */
  firstId?: string;
}) {
  return (
    <div className="tiles tiles--compact">
      {options.map((o, i) => (
        <label key={o.code} className="tile">
          <input
            id={i === 0 ? firstId : undefined}
            className="tile__input"
            type="radio"
            name={name}
            value={o.code}
            checked={value === o.code}
            onChange={() => onChange(o.code)}
          />
          <span className="tile__body">
            <span>{o.label}</span>
            <Check aria-hidden="true" size={18} className="tile__check" />
          </span>
        </label>
      ))}
    </div>
  );
}
