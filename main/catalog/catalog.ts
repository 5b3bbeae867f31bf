// What the business offers and who does it: staff, services, weekly hours, time off.
import { and, asc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { serviceStaff, services, staff, timeOff, workingHours } from '../../db/schema.js';
import type {
  CancellationRefund,
  DepositRule,
  NoShowFee,
  Service,
  StaffMember,
  WorkingIntervalInput,
} from '../../preload/contract/index.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import { createAnswerCache } from '../core/answer-cache.js';
import type { Core } from '../core/context.js';
import type { SettingsService } from './business-settings.js';
import type { ReminderOffset } from '../domain/reminder-plan.js';

type ServiceRow = typeof services.$inferSelect;
type StaffRow = typeof staff.$inferSelect;

export interface ServiceFields {
  name: string;
  description?: string;
  durationMinutes: number;
  priceAmount: number;
  bufferBeforeMinutes?: number;
  bufferAfterMinutes?: number;
  deposit?: DepositRule;
  noShowFee?: NoShowFee;
  cancellationRefund?: CancellationRefund;
  reminderSchedule?: ReminderOffset[] | null;
  rebookingIntervalDays?: number | null;
  staffIds: string[];
  active?: boolean;
}

function depositColumns(rule: DepositRule): Pick<ServiceRow, 'depositKind' | 'depositValue'> {
  switch (rule.kind) {
    case 'none':
      return { depositKind: 'none', depositValue: 0 };
    case 'fixed':
      return { depositKind: 'fixed', depositValue: rule.amount };
    case 'percent':
      return { depositKind: 'percent', depositValue: rule.percent };
    default: {
      const never: never = rule;
      throw new Error(`Unknown deposit rule ${String(never)}`);
    }
  }
}

type PolicyColumns = Pick<
  ServiceRow,
  | 'noShowFeeKind'
  | 'noShowFeeAmount'
  | 'refundWindowMinutes'
  | 'lateCancelRefundPercent'
  | 'reminderSchedule'
>;

/** The columns for whichever of the policy fields the caller gave. */
function policyColumns(fields: {
  noShowFee?: NoShowFee | undefined;
  cancellationRefund?: CancellationRefund | undefined;
  reminderSchedule?: ReminderOffset[] | null | undefined;
}): Partial<PolicyColumns> {
  const columns: Partial<PolicyColumns> = {};
  if (fields.noShowFee) {
    columns.noShowFeeKind = fields.noShowFee.kind;
    columns.noShowFeeAmount =
      fields.noShowFee.kind === 'charge_card' ? fields.noShowFee.maxAmount : 0;
  }
  if (fields.cancellationRefund) {
    columns.refundWindowMinutes = fields.cancellationRefund.windowMinutes;
    columns.lateCancelRefundPercent = fields.cancellationRefund.latePercent;
  }
  if (fields.reminderSchedule !== undefined) {
    columns.reminderSchedule =
      fields.reminderSchedule === null ? null : JSON.stringify(fields.reminderSchedule);
  }
  return columns;
}

function noShowFeeOf(row: ServiceRow): NoShowFee {
  switch (row.noShowFeeKind) {
    case 'none':
      return { kind: 'none' };
    case 'keep_deposit':
      return { kind: 'keep_deposit' };
    case 'charge_card':
      return { kind: 'charge_card', maxAmount: row.noShowFeeAmount };
    default: {
      const never: never = row.noShowFeeKind;
      throw new Error(`Unknown no-show fee kind ${String(never)}`);
    }
  }
}

/** The service's own reminder schedule, or null when it follows the business's. */
export function serviceReminderSchedule(row: ServiceRow): ReminderOffset[] | null {
  return row.reminderSchedule === null
    ? null
    : (JSON.parse(row.reminderSchedule) as ReminderOffset[]);
}

function depositRuleOf(row: ServiceRow): DepositRule {
  switch (row.depositKind) {
    case 'none':
      return { kind: 'none' };
    case 'fixed':
      return { kind: 'fixed', amount: row.depositValue };
    case 'percent':
      return { kind: 'percent', percent: row.depositValue };
    default: {
      const never: never = row.depositKind;
      throw new Error(`Unknown deposit kind ${String(never)}`);
    }
  }
}

function toStaffMember(row: StaffRow): StaffMember {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    color: row.color,
    active: row.active,
    sortOrder: row.sortOrder,
  };
}

export function createCatalogService(core: Core, settings: SettingsService) {
  const { db, clock, newId, write } = core;

  // Every booking and availability request reads these: prepared once, not rebuilt per call.
  const staffById = db
    .select()
    .from(staff)
    .where(eq(staff.id, sql.placeholder('id')))
    .prepare();
  const serviceById = db
    .select()
    .from(services)
    .where(eq(services.id, sql.placeholder('id')))
    .prepare();
  const staffOfService = db
    .select({ staffId: serviceStaff.staffId })
    .from(serviceStaff)
    .innerJoin(staff, eq(staff.id, serviceStaff.staffId))
    .where(eq(serviceStaff.serviceId, sql.placeholder('serviceId')))
    .orderBy(asc(staff.sortOrder), asc(staff.name))
    .prepare();
  const allStaff = db.select().from(staff).orderBy(asc(staff.sortOrder), asc(staff.name)).prepare();

  // A booking reads its service and staff member several times (its rules, its messages, its
  // answer), and they change only through this module. So a row is kept (frozen: callers share
  // it) until this module writes or another program commits to the file (core/answer-cache.ts; the
  // check inside the booking's transaction costs far less than reading the row again).
  const kept = createAnswerCache<StaffRow | ServiceRow>(db, { dropOn: 'others commits' });
  function keptRow<R extends StaffRow | ServiceRow>(key: string, read: () => R | undefined) {
    const found = kept.get(key, 0) as R | undefined;
    if (found) return found;
    const row = read();
    if (row) kept.set(key, Object.freeze(row) as R, Number.POSITIVE_INFINITY);
    return row;
  }

  /** A write to services or staff: the kept rows go, whether it commits or not. */
  function changing<T>(write: () => T): T {
    try {
      return write();
    } finally {
      kept.clear();
    }
  }

  function staffRow(id: string): StaffRow {
    const row = keptRow(`stf:${id}`, () => staffById.get({ id }));
    if (!row) throw new NotFoundError('staff member', id);
    return row;
  }

  function serviceRow(id: string): ServiceRow {
    const row = keptRow(`svc:${id}`, () => serviceById.get({ id }));
    if (!row) throw new NotFoundError('service', id);
    return row;
  }

  function staffIdsOf(serviceId: string): string[] {
    return staffOfService.all({ serviceId }).map((r) => r.staffId);
  }

  function toService(row: ServiceRow): Service {
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      durationMinutes: row.durationMinutes,
      priceAmount: row.priceAmount,
      currency: row.currency,
      bufferBeforeMinutes: row.bufferBeforeMinutes,
      bufferAfterMinutes: row.bufferAfterMinutes,
      deposit: depositRuleOf(row),
      noShowFee: noShowFeeOf(row),
      cancellationRefund: {
        windowMinutes: row.refundWindowMinutes,
        latePercent: row.lateCancelRefundPercent,
      },
      reminderSchedule: serviceReminderSchedule(row),
      rebookingIntervalDays: row.rebookingIntervalDays,
      staffIds: staffIdsOf(row.id),
      active: row.active,
    };
  }

  function assertStaffExist(staffIds: string[], field: string): void {
    const found = db.select({ id: staff.id }).from(staff).where(inArray(staff.id, staffIds)).all();
    const known = new Set(found.map((r) => r.id));
    const unknown = staffIds.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw ValidationError.field(field, `no staff member with id ${unknown.join(', ')}`);
    }
  }

  function assertDepositFits(rule: DepositRule, priceAmount: number): void {
    if (rule.kind === 'fixed' && rule.amount > priceAmount) {
      throw ValidationError.field('deposit.amount', 'a deposit cannot be more than the price');
    }
  }

  return {
    staffRow,
    serviceRow,

    listStaff(): StaffMember[] {
      return allStaff.all().map(toStaffMember);
    },

    createStaff(input: { name: string; email?: string | null; color?: string }): StaffMember {
      return changing(() => {
        const count =
          db
            .select({ n: sql<number>`count(*)` })
            .from(staff)
            .get()?.n ?? 0;
        const row = db
          .insert(staff)
          .values({
            id: newId('stf'),
            name: input.name,
            email: input.email ?? null,
            color: input.color ?? '#4c6ef5',
            sortOrder: count,
            createdAt: clock.now(),
          })
          .returning()
          .get();
        return toStaffMember(row);
      });
    },

    updateStaff(input: { id: string } & Partial<Omit<StaffMember, 'id'>>): StaffMember {
      return changing(() => {
        const { id, ...patch } = input;
        staffRow(id);
        const row = db.update(staff).set(patch).where(eq(staff.id, id)).returning().get();
        if (!row) throw new NotFoundError('staff member', id);
        return toStaffMember(row);
      });
    },

    listServices(includeInactive = false): Service[] {
      const rows = db
        .select()
        .from(services)
        .where(includeInactive ? undefined : eq(services.active, true))
        .orderBy(asc(services.sortOrder), asc(services.name))
        .all();
      return rows.map(toService);
    },

    getService(id: string): Service {
      return toService(serviceRow(id));
    },

    createService(input: ServiceFields): Service {
      return changing(() => {
        assertStaffExist(input.staffIds, 'staffIds');
        const deposit = input.deposit ?? { kind: 'none' };
        assertDepositFits(deposit, input.priceAmount);
        const id = newId('svc');
        write(() => {
          db.insert(services)
            .values({
              id,
              name: input.name,
              description: input.description ?? '',
              durationMinutes: input.durationMinutes,
              priceAmount: input.priceAmount,
              currency: settings.get().currency,
              bufferBeforeMinutes: input.bufferBeforeMinutes ?? 0,
              bufferAfterMinutes: input.bufferAfterMinutes ?? 0,
              ...depositColumns(deposit),
              ...policyColumns(input),
              rebookingIntervalDays: input.rebookingIntervalDays ?? null,
              active: input.active ?? true,
              sortOrder:
                db
                  .select({ n: sql<number>`count(*)` })
                  .from(services)
                  .get()?.n ?? 0,
              createdAt: clock.now(),
            })
            .run();
          db.insert(serviceStaff)
            .values([...new Set(input.staffIds)].map((staffId) => ({ serviceId: id, staffId })))
            .run();
        })();
        return toService(serviceRow(id));
      });
    },

    updateService(input: { id: string } & Partial<ServiceFields>): Service {
      return changing(() => {
        const current = serviceRow(input.id);
        const {
          id,
          staffIds,
          deposit,
          noShowFee,
          cancellationRefund,
          reminderSchedule,
          ...fields
        } = input;
        if (staffIds) assertStaffExist(staffIds, 'staffIds');
        const nextDeposit = deposit ?? depositRuleOf(current);
        assertDepositFits(nextDeposit, fields.priceAmount ?? current.priceAmount);
        write(() => {
          db.update(services)
            .set({
              ...fields,
              ...depositColumns(nextDeposit),
              ...policyColumns({ noShowFee, cancellationRefund, reminderSchedule }),
            })
            .where(eq(services.id, id))
            .run();
          if (staffIds) {
            db.delete(serviceStaff).where(eq(serviceStaff.serviceId, id)).run();
            db.insert(serviceStaff)
              .values([...new Set(staffIds)].map((staffId) => ({ serviceId: id, staffId })))
              .run();
          }
        })();
        return toService(serviceRow(id));
      });
    },

    getHours(staffId: string): WorkingIntervalInput[] {
      staffRow(staffId);
      return db
        .select({
          weekday: workingHours.weekday,
          startMinute: workingHours.startMinute,
          endMinute: workingHours.endMinute,
        })
        .from(workingHours)
        .where(eq(workingHours.staffId, staffId))
        .orderBy(asc(workingHours.weekday), asc(workingHours.startMinute))
        .all();
    },

    /** Replaces the whole week at once, so a half-edited week never exists. */
    setHours(staffId: string, intervals: WorkingIntervalInput[]): WorkingIntervalInput[] {
      staffRow(staffId);
      const sorted = [...intervals].sort(
        (a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute,
      );
      for (let i = 1; i < sorted.length; i++) {
        const prev = sorted[i - 1];
        const cur = sorted[i];
        if (prev && cur && prev.weekday === cur.weekday && cur.startMinute < prev.endMinute) {
          throw ValidationError.field(
            `intervals.${intervals.indexOf(cur)}`,
            'overlaps another interval on the same day',
          );
        }
      }
      write(() => {
        db.delete(workingHours).where(eq(workingHours.staffId, staffId)).run();
        if (sorted.length > 0) {
          db.insert(workingHours)
            .values(sorted.map((i) => ({ staffId, ...i })))
            .run();
        }
      })();
      return sorted;
    },

    listTimeOff(query: { staffId?: string; from: number; to: number }) {
      return db
        .select({
          id: timeOff.id,
          staffId: timeOff.staffId,
          startAt: timeOff.startAt,
          endAt: timeOff.endAt,
          reason: timeOff.reason,
        })
        .from(timeOff)
        .where(
          and(
            query.staffId ? eq(timeOff.staffId, query.staffId) : undefined,
            lt(timeOff.startAt, query.to),
            gt(timeOff.endAt, query.from),
          ),
        )
        .orderBy(asc(timeOff.startAt))
        .all();
    },

    createTimeOff(input: { staffId: string; startAt: number; endAt: number; reason?: string }) {
      staffRow(input.staffId);
      return db
        .insert(timeOff)
        .values({
          id: newId('off'),
          staffId: input.staffId,
          startAt: input.startAt,
          endAt: input.endAt,
          reason: input.reason ?? '',
          createdAt: clock.now(),
        })
        .returning({
          id: timeOff.id,
          staffId: timeOff.staffId,
          startAt: timeOff.startAt,
          endAt: timeOff.endAt,
          reason: timeOff.reason,
        })
        .get();
    },

    deleteTimeOff(id: string): { ok: true } {
      const result = db.delete(timeOff).where(eq(timeOff.id, id)).run();
      if (result.changes === 0) throw new NotFoundError('time off', id);
      return { ok: true };
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
