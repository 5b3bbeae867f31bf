// The public listener: what the internet may see. For now liveness, the service list and free
// slots; the widget issue grows it. Query and body fields are snake_case (DESIGN.md §5).
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { App } from '../app.js';
import { formatInstantInZone, utcToLocalDate } from '../domain/time.js';
import { ValidationError } from '../errors.js';
import { issuesFromZod } from '../ipc/router.js';
import { installErrorHandler } from './errors.js';

const availabilityQuery = z.object({
  service_id: z.string().min(1).max(64),
  staff_id: z.string().min(1).max(64).optional(),
  from: z.iso.date().optional(),
  days_ahead: z.coerce.number().int().min(1).max(62).default(7),
});

function parse<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(issuesFromZod(result.error));
  return result.data;
}

export interface PublicApiOptions {
  log: (message: string, error?: unknown) => void;
}

export function createPublicApi(app: App, options: PublicApiOptions): FastifyInstance {
  const server = Fastify({ bodyLimit: 64 * 1024, logger: false, forceCloseConnections: true });
  installErrorHandler(server, options.log);
  const { services } = app;

  server.get('/healthz', async () => ({ ok: true }));

  server.get('/api/services', async () => ({
    services: services.catalog.listServices().map((s) => ({
      id: s.id,
      name: s.name,
      description: s.description,
      duration_minutes: s.durationMinutes,
      price: { amount: s.priceAmount, currency: s.currency },
      deposit:
        s.deposit.kind === 'none'
          ? null
          : {
              amount:
                s.deposit.kind === 'fixed'
                  ? s.deposit.amount
                  : Math.round((s.priceAmount * s.deposit.percent) / 100),
              currency: s.currency,
            },
      staff_ids: s.staffIds,
    })),
  }));

  server.get('/api/availability', async (request) => {
    const query = parse(availabilityQuery, request.query);
    const zone = services.settings.get().timeZone;
    const result = services.availability.get({
      serviceId: query.service_id,
      staffId: query.staff_id,
      from: query.from ?? utcToLocalDate(app.core.clock.now(), zone),
      days: query.days_ahead,
    });
    return {
      timezone: result.timeZone,
      days: result.days.map((day) => ({
        date: day.date,
        slots: day.slots.map((slot) => ({
          start: formatInstantInZone(slot.start, zone),
          end: formatInstantInZone(slot.end, zone),
          staff_id: slot.staffId,
        })),
      })),
    };
  });

  return server;
}
