import * as c from '../../../contracts/network';
import { route } from '../../core/http';
import * as service from './network.service';

export const networkRoutes = [route(c.network, (ctx, { query }) => service.network(ctx, query))];
