import { describe, expect, it } from 'vitest';
import { GSI_PALE, loadConfig } from './config';

describe('map tiles', () => {
  it('default to 地理院タイル (淡色), credited', () => {
    expect(loadConfig({}).tiles).toEqual(GSI_PALE);
  });
  it('can be switched off for offices without internet, or pointed elsewhere', () => {
    expect(loadConfig({ SASAEAI_TILES: 'off' }).tiles).toBeNull();
    expect(
      loadConfig({
        SASAEAI_TILE_URL: 'http://tiles.lg.local/{z}/{x}/{y}.png',
        SASAEAI_TILE_ATTRIBUTION: '庁内地図',
      }).tiles,
    ).toMatchObject({
      url: 'http://tiles.lg.local/{z}/{x}/{y}.png',
      attribution: '庁内地図',
    });
  });
});
