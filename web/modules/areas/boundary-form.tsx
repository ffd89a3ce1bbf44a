import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type Area, setAreaBoundary } from '../../../contracts/areas';
import { api } from '../../lib/api';
import { errorFor, type FormErrors, fieldIdFor, formErrors } from '../../lib/form';
import { Button } from '../../ui/button';
import { ErrorSummary } from '../../ui/error-summary';
import { TextField } from '../../ui/field';
import { Notice } from '../../ui/status';
import { invalidateAreas } from './queries';

const FORM = 'boundary';
const fieldId = fieldIdFor(FORM, ['geojson']);

/** 境界を取り込む: a GeoJSON file, read in the browser and sent as JSON. */
export function BoundaryForm({ tenant, area, onDone }: { tenant: string; area: Area; onDone?: () => void }) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [local, setLocal] = useState<FormErrors | null>(null);
  const [done, setDone] = useState(false);
  const mutation = useMutation({
    mutationFn: (geojson: unknown) =>
      api(setAreaBoundary, { params: { tenant, id: area.id }, body: { geojson, version: area.version } }),
    onSuccess: async () => {
      setDone(true);
      await invalidateAreas(queryClient, tenant);
    },
  });
  const errors = local ?? formErrors(mutation.error);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    if (!file) {
      setLocal({ message: null, items: [{ path: 'geojson', message: '境界：ファイルを選んでください' }] });
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      setLocal({
        message: null,
        items: [
          {
            path: 'geojson',
            message: '境界：GeoJSON（JSON）として読み取れませんでした。ファイルを確認してください',
          },
        ],
      });
      return;
    }
    setLocal(null);
    mutation.mutate(json);
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="boundary-title">
      <h2 id="boundary-title">境界を取り込む</h2>
      <p className="muted">
        GeoJSON のファイル（ジオメトリ、Feature、FeatureCollection）を選びます。FeatureCollection
        のときは、地域名か団体コード（国土数値情報の N03_007）が合う地物を使います。
        {area.hasBoundary && ' 今の境界は置き換えられます。'}
      </p>
      <ErrorSummary message={errors.message} items={errors.items} fieldId={fieldId} />
      {done && (
        <Notice tone="success" live="status">
          <p>境界を取り込みました。</p>
        </Notice>
      )}
      <TextField
        id={`${FORM}-geojson`}
        label="GeoJSON ファイル"
        type="file"
        accept=".geojson,.json,application/geo+json,application/json"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        error={errorFor(errors, 'geojson')}
      />
      <div className="button-row">
        <Button type="submit" busy={mutation.isPending} busyLabel="取り込んでいます…">
          取り込む
        </Button>
        {onDone && (
          <Button variant="secondary" onClick={onDone}>
            閉じる
          </Button>
        )}
      </div>
    </form>
  );
}
