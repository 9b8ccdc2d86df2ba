/**
 * The daemon's HTTP side (Fastify: body limits and schema validation built in): GET /healthz,
 * GET /readyz, GET /metrics, and POST /events/deployment-complete — signed (webhook-signature.ts),
 * at most 64 KiB, checked against its schema, answered 202 once its jobs are queued.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import type { Health } from './health.js';
import type { WebhookVerifier } from './webhook-signature.js';

export const WEBHOOK_BODY_LIMIT = 64 * 1024;

export interface DeploymentComplete {
  readonly accountId: string;
  readonly deployment: string;
}

const deploymentSchema = {
  type: 'object',
  required: ['accountId', 'deployment'],
  additionalProperties: false,
  properties: {
    accountId: { type: 'string', pattern: '^[0-9]{12}$' },
    deployment: { type: 'string', minLength: 1, maxLength: 256 },
  },
} as const;

export interface HttpDeps {
  health(): Promise<Health>;
  ready(): boolean;
  readonly registry: Registry;
  /** undefined: the secret's variable is not set, and every webhook request is refused. */
  readonly verifier: WebhookVerifier | undefined;
  readonly now: () => Date;
  deploymentComplete(event: DeploymentComplete): Promise<readonly string[]>;
  onWebhook(result: 'accepted' | 'rejected', reason?: string): void;
}

export function daemonHttp(deps: HttpDeps): FastifyInstance {
  const app = Fastify({
    logger: false,
    bodyLimit: WEBHOOK_BODY_LIMIT,
    // Reject what the schema does not allow; never strip or coerce it into something valid.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: false } },
  });
  // The raw body is what was signed: keep it beside the parsed one.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    (request as { rawBody?: string }).rawBody = body as string;
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(Object.assign(new Error('the body is not JSON'), { statusCode: 400 }), undefined);
    }
  });

  app.get('/healthz', async (_request, reply) => {
    const health = await deps.health();
    return reply.code(health.status === 'ok' ? 200 : 503).send(health);
  });
  app.get('/readyz', async (_request, reply) => reply.code(deps.ready() ? 200 : 503).send({ ready: deps.ready() }));
  app.get('/metrics', async (_request, reply) => reply.header('content-type', deps.registry.contentType).send(await deps.registry.metrics()));

  app.post<{ Body: DeploymentComplete }>(
    '/events/deployment-complete',
    {
      schema: { body: deploymentSchema },
      // The signature is checked before the body's schema: an unsigned request learns nothing.
      preValidation: async (request, reply) => {
        const rawBody = (request as { rawBody?: string }).rawBody ?? '';
        const header = (name: string) => {
          const value = request.headers[name];
          return typeof value === 'string' ? value : undefined;
        };
        const check =
          deps.verifier === undefined
            ? { ok: false as const, reason: 'no webhook secret is configured' }
            : deps.verifier.verify({ timestamp: header('x-vigil-timestamp'), signature: header('x-vigil-signature') }, rawBody, deps.now());
        if (!check.ok) {
          deps.onWebhook('rejected', check.reason);
          return reply.code(401).send({ error: check.reason });
        }
        return undefined;
      },
    },
    async (request, reply) => {
      const queued = await deps.deploymentComplete(request.body);
      deps.onWebhook('accepted');
      return reply.code(202).send({ queued });
    },
  );
  app.setErrorHandler((error: { statusCode?: number; message: string; validation?: unknown }, _request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) deps.onWebhook('rejected', error.message);
    return reply.code(status).send({ error: status === 500 ? 'internal error' : error.message });
  });
  return app;
}
