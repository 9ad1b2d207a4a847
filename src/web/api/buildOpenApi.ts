// OpenAPI 3.1 for /api/v1, its component schemas generated from the zod schemas that validate the answers.
import { z } from 'zod';
import { TRACKER_STATUSES } from '../../domain/trackerStatus.ts';
import './apiSchemas.ts';

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: string, description: string) => ({ description, content: { 'application/json': { schema: ref(id) } } });
const query = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }) => ({ name, in: 'query', required: false, description, schema });

const FILTERS = [
  query('bureau', 'bureau code, e.g. DEVB'),
  query('document', 'document key'),
  query('status', 'tracker status; several separated by commas', { type: 'string', examples: [TRACKER_STATUSES.join(',')] }),
  query('due_before', 'a milestone due before this date', { type: 'string', format: 'date' }),
  query('due_after', 'a milestone due after this date', { type: 'string', format: 'date' }),
];
const PAGING = [query('cursor', 'the `next` value of the previous page'), query('limit', 'rows per page (1–500, default 100)', { type: 'integer', minimum: 1, maximum: 500 })];
const CACHED = {
  '304': { description: 'not modified since the ETag or Last-Modified given' },
  '400': json('Error', 'a parameter is not valid'),
};

export function buildOpenApi(serverUrl: string): Record<string, unknown> {
  const generated = z.toJSONSchema(z.globalRegistry, { target: 'draft-2020-12', uri: (id) => `#/components/schemas/${id}` });
  const schemas = Object.fromEntries(
    Object.entries(generated.schemas).map(([id, schema]) => {
      const { $schema: _s, $id: _i, ...rest } = schema as Record<string, unknown>;
      return [id, rest];
    }),
  );
  const get = (summary: string, parameters: unknown[], schema: string, extra: Record<string, unknown> = {}) => ({
    get: { summary, parameters, responses: { '200': json(schema, summary), ...CACHED, ...extra } },
  });
  return {
    openapi: '3.1.0',
    info: { title: 'policywatch public tracker API', version: '1.0.0', description: 'Read-only data on Policy Address commitments, their milestones and status history.' },
    servers: [{ url: `${serverUrl.replace(/\/+$/, '')}/api/v1` }],
    paths: {
      '/documents': get('documents', [], 'DocumentList'),
      '/bureaux': get('bureaux with counts per status', [], 'BureauList'),
      '/commitments': get('commitments', [...FILTERS, query('q', 'text contained in the commitment (either language) or its ref'), ...PAGING], 'CommitmentPage'),
      '/commitments/{ref}': get('one commitment with its status history', [{ name: 'ref', in: 'path', required: true, schema: { type: 'string' } }], 'CommitmentDetail', { '404': json('Error', 'no such commitment') }),
      '/milestones': get('milestones', [...FILTERS, ...PAGING], 'MilestonePage'),
      '/status-history': get('status history, oldest first', [query('bureau', 'bureau code'), query('document', 'document key'), ...PAGING], 'StatusHistoryPage'),
      '/carry-overs': get('commitments carried over from an earlier document', [], 'CarryOverList', { '404': json('Error', 'carry-overs are not recorded by this installation') }),
    },
    components: { schemas },
  };
}
