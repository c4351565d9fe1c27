// The path parameters of the v1 API: resource ids are UUIDs; anything else names nothing (404).
import { z } from 'zod';

export const NoParams = z.strictObject({});
export const NoQuery = z.strictObject({});
export const IdParams = z.strictObject({
  id: z.uuid().meta({ description: 'The resource id.', param: { description: 'The resource id.' } }),
});
