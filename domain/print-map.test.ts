import { describe, expect, it } from 'vitest';
import type { Boundary } from './geojson';
import { areaMapSvg, insideBoundary, mapHeightFor } from './print-map';

const box: Boundary = {
  type: 'Polygon',
  coordinates: [
    [
      [141.85, 43.32],
      [141.97, 43.32],
      [141.97, 43.35],
      [141.85, 43.35],
      [141.85, 43.32],
    ],
  ],
};

describe('the small map of the sheet', () => {
  it('tells inside from outside', () => {
    expect(insideBoundary(box, 141.9, 43.33)).toBe(true);
    expect(insideBoundary(box, 141.9, 43.3)).toBe(false);
  });

  it('draws the boundary and the places inside its frame, with a north arrow and a round scale', () => {
    const map = areaMapSvg({
      boundary: box,
      points: [
        { latitude: 43.33, longitude: 141.9, color: '#b4531a', shape: 'circle' },
        { latitude: 43.2, longitude: 141.9, color: '#1d6b3a', shape: 'square' },
      ],
      width: 250,
      height: 120,
    });
    expect(map.svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(map.svg).toContain('<path d="M');
    expect(map.svg.match(/<circle/g)).toHaveLength(1);
    expect(map.svg).not.toContain('<rect x="-');
    expect(map.scale?.metres).toBe(5000);
    expect(map.svg).not.toMatch(/NaN|Infinity/);
  });

  it('is only as tall as the area needs', () => {
    // A strip three times as wide as it is tall, plus room for the arrow and the scale.
    expect(mapHeightFor(box, 250, 110, 200)).toBeGreaterThan(110);
    expect(mapHeightFor(box, 250, 110, 200)).toBeLessThan(130);
    expect(mapHeightFor(box, 250, 60, 100)).toBe(100);
    expect(mapHeightFor(null, 250, 110, 200)).toBe(200);
  });

  it('still draws a frame without a boundary or places', () => {
    const map = areaMapSvg({ boundary: null, points: [], width: 100, height: 80 });
    expect(map.scale).toBeNull();
    expect(map.svg).toContain('<rect');
  });
});
