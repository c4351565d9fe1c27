// The path and query schemas operations share: none, or a resource id (a UUID; anything else names
// nothing, 404).
import { z } from 'zod';

export const NoParams = z.strictObject({});
export const NoQuery = z.strictObject({});
export const IdParams = z.strictObject({
  id: z.uuid().meta({ description: 'The resource id.', param: { description: 'The resource id.' } }),
});
