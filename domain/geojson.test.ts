import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testdata } from '../testdata';
import { extractBoundary } from './geojson';

const square = [
  [
    [134.0, 34.3],
    [134.1, 34.3],
    [134.1, 34.4],
    [134.0, 34.3],
  ],
];

describe('extractBoundary', () => {
  it('takes a bare polygon, a Feature, or the matching features of a collection', () => {
    expect(extractBoundary({ type: 'Polygon', coordinates: square }, { names: ['x'] })).toMatchObject({
      ok: true,
    });
    expect(
      extractBoundary(
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: square } },
        { names: ['x'] },
      ),
    ).toMatchObject({ ok: true, featureCount: 1 });
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: '中央圏域' },
          geometry: { type: 'Polygon', coordinates: square },
        },
        {
          type: 'Feature',
          properties: { name: '北部圏域' },
          geometry: { type: 'Polygon', coordinates: square },
        },
      ],
    };
    expect(extractBoundary(fc, { names: ['北部圏域'] })).toMatchObject({ ok: true, featureCount: 1 });
    expect(extractBoundary(fc, { names: ['南部圏域'] })).toEqual({
      ok: false,
      message: '2件の地物の中に「南部圏域」に当たるものが見つかりません。',
    });
  });

  it('joins every N03 feature of 高松市 (islands included) into one MultiPolygon', () => {
    const kagawa = JSON.parse(
      readFileSync(testdata('data/japan-topography/geojson_s0010_N03-21_37_210101.json'), 'utf8'),
    );
    const parts = kagawa.features.filter(
      (f: { properties: { N03_007: string } }) => f.properties.N03_007 === '37201',
    );
    const r = extractBoundary(kagawa, { names: ['高松市'], localGovCode5: '37201' });
    expect(r.ok && r.featureCount).toBe(parts.length);
    // 女木島 and 男木島 belong to 高松市: one boundary of several polygons.
    expect(r.ok && r.boundary.type).toBe('MultiPolygon');
    expect(r.ok && r.boundary.coordinates.length).toBeGreaterThan(1);
  });

  it('rejects points, coordinates outside Japan, and swapped latitude/longitude', () => {
    expect(extractBoundary({ type: 'Point', coordinates: [134, 34] }, { names: [] })).toMatchObject({
      ok: false,
    });
    const swapped = square.map((ring) => ring.map(([x, y]) => [y, x]));
    expect(extractBoundary({ type: 'Polygon', coordinates: swapped }, { names: [] })).toEqual({
      ok: false,
      message: '座標の緯度と経度が逆になっているようです（GeoJSON は経度、緯度の順です）。',
    });
    const paris = [
      [
        [2.3, 48.8],
        [2.4, 48.8],
        [2.4, 48.9],
        [2.3, 48.8],
      ],
    ];
    expect(extractBoundary({ type: 'Polygon', coordinates: paris }, { names: [] })).toEqual({
      ok: false,
      message: '座標が日本の範囲外です。',
    });
  });
});
