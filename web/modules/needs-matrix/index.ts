/** ニーズと地域資源: needs against resources by area and category, its map and its trend (for the 協議体). */
import './needs-matrix.css';

export { NeedsMatrixPage } from './needs-matrix-page';
export { NeedsMatrixIcon, needsMatrixPath } from './paths';
export { useNeedsMatrix } from './queries';
