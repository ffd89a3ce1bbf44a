import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { areaBoundaries, listAreas } from '../../../contracts/areas';
import { needsMatrix, needsMatrixCell } from '../../../contracts/needs';
import { api } from '../../lib/api';
import type { Layer } from './matrix';

export interface MatrixChoice {
  layer: Layer;
  /** A 年度 (needs heard in it), or undefined for every open need now. */
  fy: number | undefined;
}

/*
 * Under the 困りごと key, so that recording or moving a need (which invalidates ['needs', tenant])
 * refreshes the matrix too.
 */
export const matrixKeys = {
  matrix: (tenant: string, c: MatrixChoice) => ['needs', tenant, 'matrix', c.layer, c.fy ?? null] as const,
  cell: (tenant: string, c: MatrixChoice, area: string, category: string) =>
    ['needs', tenant, 'matrix-cell', c.layer, c.fy ?? null, area, category] as const,
};

export function useNeedsMatrix(tenant: string, choice: MatrixChoice) {
  return useQuery({
    queryKey: matrixKeys.matrix(tenant, choice),
    queryFn: ({ signal }) =>
      api(needsMatrix, { params: { tenant }, query: { layer: choice.layer, fy: choice.fy }, signal }),
    // The previous table stays on screen while another 層 or 年度 loads, so the page does not jump.
    placeholderData: keepPreviousData,
  });
}

/** What lies behind one cell (needs only for those who may read them). */
export function useMatrixCell(tenant: string, choice: MatrixChoice, area: string, category: string) {
  return useQuery({
    queryKey: matrixKeys.cell(tenant, choice, area, category),
    queryFn: ({ signal }) =>
      api(needsMatrixCell, {
        params: { tenant },
        query: { layer: choice.layer, fy: choice.fy, area, category },
        signal,
      }),
  });
}

/** Area polygons (the same key as the 地域資源 map, so one load serves both). */
export function useBoundaries(tenant: string) {
  return useQuery({
    queryKey: ['areas', tenant, 'boundaries'],
    queryFn: ({ signal }) => api(areaBoundaries, { params: { tenant }, signal }),
    staleTime: 5 * 60_000,
  });
}

/** Area names of every 層 (to say which 圏域 a 地区 is in); the same key as 地域と人口. */
export function useAreaNames(tenant: string, fy: number | undefined) {
  return useQuery({
    queryKey: ['areas', tenant, 'list', fy ?? null, false],
    queryFn: ({ signal }) => api(listAreas, { params: { tenant }, query: { fy }, signal }),
    select: (d) => new Map(d.areas.map((a) => [a.id, a.name])),
    staleTime: 5 * 60_000,
  });
}
