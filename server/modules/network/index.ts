/** 関係者のつながり: the network of actors and the kinds of actor not yet involved in an area. */
export { networkRoutes } from './network.routes';
