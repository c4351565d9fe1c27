// The problem document's schema, for the OpenAPI document and the tests that hold every error
// answer to it (api-problem.ts writes it).
import { z } from 'zod';
import { PROBLEM_CODES } from './api-problem';

export const ProblemSchema = z
  .object({
    type: z.string().meta({ description: 'urn:tenantry:problem:<code>' }),
    title: z.string(),
    status: z.int(),
    code: z.enum(PROBLEM_CODES).meta({ description: 'Stable: scripts may switch on it.' }),
    detail: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });
