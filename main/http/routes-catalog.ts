// What can be booked and when: the first two calls the widget makes, open to any origin.
import type { z } from 'zod';
import type { Service, Settings } from '../../preload/contract/index.js';
import type { App } from '../app.js';
import { describePolicy, freezePolicy } from '../domain/payment-policy.js';
import { remembered } from '../domain/remembered.js';
import { canonicalLocale, slotLabeller } from '../domain/slot-labels.js';
import { MINUTE_MS, formatInstantInZone, utcToLocalDate } from '../domain/time.js';
import {
  availabilityQuery,
  availabilityResponse,
  failure,
  servicesResponse,
  type PublicService,
} from './public-schemas.js';
import { createAnswerCache } from '../core/answer-cache.js';
import { defineRoute, type AnyRoute } from './route-spec.js';
import { SerializedJson } from './serialized-json.js';

const open = { cors: true, adminKey: false, bookingWrite: false };

/** The longest an availability answer is reused, even when nothing changes. */
const AVAILABILITY_KEPT_MS = 5_000;

function toPublicService(s: Service, staffName: (id: string) => string): PublicService {
  // The very policy a booking of the service freezes: the deposit shown is the deposit asked.
  const policy = freezePolicy({
    priceAmount: s.priceAmount,
    currency: s.currency,
    deposit: s.deposit,
    noShowFee: s.noShowFee,
    cancellationRefund: s.cancellationRefund,
  });
  const deposit =
    policy.deposit === 0
      ? null
      : {
          amount: policy.deposit,
          currency: s.currency,
        };
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    duration_minutes: s.durationMinutes,
    price: { amount: s.priceAmount, currency: s.currency },
    deposit,
    // The terms the customer agrees to by booking, in plain words (domain/payment-policy.ts).
    payment_policy: describePolicy(policy),
    staff_ids: s.staffIds,
    // The widget lets the visitor pick a person; ids alone would leave it nothing to show.
    staff: s.staffIds.map((id) => ({ id, name: staffName(id) })),
  };
}

export function catalogRoutes(app: App): AnyRoute[] {
  const { services, core } = app;
  // Many visitors ask for the same service and week; the answer is kept until anything in the
  // database changes (core/answer-cache.ts).
  const answers = createAnswerCache<SerializedJson>(core.db);

  return [
    defineRoute({
      operationId: 'listServices',
      method: 'GET',
      path: '/api/services',
      tag: 'Booking',
      summary: 'Bookable services',
      access: open,
      responses: { 200: { description: 'Active services', schema: servicesResponse } },
      handle: () => ({
        status: 200,
        body: {
          services: services.catalog
            .listServices()
            .map((s) => toPublicService(s, (id) => services.catalog.staffRow(id).name)),
        },
      }),
    }),

    defineRoute({
      operationId: 'getAvailability',
      method: 'GET',
      path: '/api/availability',
      tag: 'Booking',
      summary: 'Free slots per day',
      description:
        "Days are calendar days in the business's zone; slots respect notice and buffers.",
      access: open,
      query: availabilityQuery,
      responses: {
        200: { description: 'Free slots, day by day', schema: availabilityResponse },
        404: failure('No such service or staff member'),
        422: failure('A query parameter is missing or malformed; details.fields names it'),
      },
      handle: ({ query }) => {
        const now = core.clock.now();
        // Read only when the query leaves something to them: the widget names both the day
        // and the language, and its kept answers are then served without touching settings.
        let settings: Settings | undefined;
        const rules = () => (settings ??= services.settings.get());
        const from = query.from ?? utcToLocalDate(now, rules().timeZone);
        const locale =
          (query.locale === undefined ? null : canonicalLocale(query.locale)) ??
          `en-${rules().country}`;
        const key = `${query.service_id}|${query.staff_id ?? ''}|${from}|${query.days_ahead ?? ''}|${locale}`;
        const kept = answers.get(key, now);
        if (kept !== undefined) return { status: 200, body: kept };
        const result = services.availability.get({
          serviceId: query.service_id,
          staffId: query.staff_id,
          from,
          days: query.days_ahead,
        });
        // Staff share their slot times, and one slot's end is often another's start: each
        // instant is formatted once per answer rather than once per appearance.
        const words = slotLabeller(locale);
        const at = remembered((ms: number) => formatInstantInZone(ms, result.timeZone));
        const body: z.output<typeof availabilityResponse> = {
          timezone: result.timeZone,
          business: {
            name: rules().name,
            phone: rules().phone,
            cancellation_cutoff_minutes: rules().cancellationCutoffMinutes,
          },
          locale: words.locale,
          bookable_until: utcToLocalDate(
            now + rules().horizonDays * 24 * 60 * MINUTE_MS,
            result.timeZone,
          ),
          days: result.days.map((day) => ({
            date: day.date,
            label: words.day(day.date),
            label_long: words.dayLong(day.date),
            slots: day.slots.map((s) => ({
              start: at(s.start),
              end: at(s.end),
              staff_id: s.staffId,
              // The wall clock as the ISO text has it (…T09:00…), in the business's zone.
              label: words.time(at(s.start).slice(11, 16)),
            })),
          })),
        };
        // Holds until the data changes (the cache's own check) or time makes the first slot
        // too soon to book, and at most a few seconds, so a slot opening at the horizon's far
        // end shows up promptly too.
        const noticeMs = rules().minimumNoticeMinutes * MINUTE_MS;
        const firstStart = Math.min(...result.days.flatMap((d) => d.slots.map((s) => s.start)));
        const validUntil = Math.min(now + AVAILABILITY_KEPT_MS, firstStart - noticeMs);
        const serialized = new SerializedJson(JSON.stringify(body));
        answers.set(key, serialized, validUntil);
        return { status: 200, body: serialized };
      },
    }),
  ];
}
