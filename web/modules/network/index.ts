/** 関係者のつながり: the network of actors and the kinds not yet involved, in the staff workspace. */
import './network.css';

export { NetworkPage } from './network-page';
export { NetworkIcon, networkPath } from './paths';
