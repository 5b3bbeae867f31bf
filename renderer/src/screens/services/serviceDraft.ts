// The service form's draft: what the inputs hold (money in major units, the refund window in
// hours, '' while a number input is empty) and its translation into the contract's shape, which
// the contract's own schema then checks. Field names in errors are the contract's paths.
import type { Service } from '../../../../preload/contract/index.js';

export type NumberText = number | string;

export interface ServiceDraft {
  name: string;
  description: string;
  durationMinutes: NumberText;
  price: NumberText;
  bufferBeforeMinutes: NumberText;
  bufferAfterMinutes: NumberText;
  depositKind: Service['deposit']['kind'];
  depositAmount: NumberText;
  depositPercent: NumberText;
  noShowKind: Service['noShowFee']['kind'];
  noShowMaxAmount: NumberText;
  refundWindowHours: NumberText;
  latePercent: NumberText;
  /** '' = no rebooking reminder. */
  rebookingIntervalDays: NumberText;
  staffIds: string[];
  active: boolean;
  /** Off: the business's reminder schedule applies. */
  ownReminders: boolean;
  reminders: ReminderDraft[];
}

export interface ReminderDraft {
  key: number;
  channel: 'sms' | 'email';
  hoursBefore: NumberText;
}

let nextReminderKey = 1;
export function newReminder(channel: 'sms' | 'email', hoursBefore: NumberText): ReminderDraft {
  return { key: nextReminderKey++, channel, hoursBefore };
}

const fromMinor = (amount: number): number => amount / 100;

export function emptyDraft(staffIds: string[]): ServiceDraft {
  return {
    name: '',
    description: '',
    durationMinutes: 30,
    price: 0,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    depositKind: 'none',
    depositAmount: '',
    depositPercent: '',
    noShowKind: 'none',
    noShowMaxAmount: '',
    refundWindowHours: 24,
    latePercent: 0,
    rebookingIntervalDays: '',
    staffIds,
    active: true,
    ownReminders: false,
    reminders: [],
  };
}

export function draftOf(service: Service): ServiceDraft {
  const { deposit, noShowFee } = service;
  return {
    name: service.name,
    description: service.description,
    durationMinutes: service.durationMinutes,
    price: fromMinor(service.priceAmount),
    bufferBeforeMinutes: service.bufferBeforeMinutes,
    bufferAfterMinutes: service.bufferAfterMinutes,
    depositKind: deposit.kind,
    depositAmount: deposit.kind === 'fixed' ? fromMinor(deposit.amount) : '',
    depositPercent: deposit.kind === 'percent' ? deposit.percent : '',
    noShowKind: noShowFee.kind,
    noShowMaxAmount: noShowFee.kind === 'charge_card' ? fromMinor(noShowFee.maxAmount) : '',
    refundWindowHours: service.cancellationRefund.windowMinutes / 60,
    latePercent: service.cancellationRefund.latePercent,
    rebookingIntervalDays: service.rebookingIntervalDays ?? '',
    staffIds: service.staffIds,
    active: service.active,
    ownReminders: service.reminderSchedule !== null,
    reminders: (service.reminderSchedule ?? []).map((r) =>
      newReminder(r.channel, r.offsetMinutes / 60),
    ),
  };
}

/** An empty number input is `undefined`, so the schema answers "expected number" at its field. */
function whole(value: NumberText): number | undefined {
  return value === '' ? undefined : Number(value);
}

function minor(value: NumberText): number | undefined {
  return value === '' ? undefined : Math.round(Number(value) * 100);
}

function depositOf(d: ServiceDraft) {
  switch (d.depositKind) {
    case 'none':
      return { kind: 'none' as const };
    case 'fixed':
      return { kind: 'fixed' as const, amount: minor(d.depositAmount) };
    case 'percent':
      return { kind: 'percent' as const, percent: whole(d.depositPercent) };
    default: {
      const never: never = d.depositKind;
      throw new Error(`Unknown deposit kind ${String(never)}`);
    }
  }
}

function noShowFeeOf(d: ServiceDraft) {
  switch (d.noShowKind) {
    case 'none':
      return { kind: 'none' as const };
    case 'keep_deposit':
      return { kind: 'keep_deposit' as const };
    case 'charge_card':
      return { kind: 'charge_card' as const, maxAmount: minor(d.noShowMaxAmount) };
    default: {
      const never: never = d.noShowKind;
      throw new Error(`Unknown no-show fee kind ${String(never)}`);
    }
  }
}

/** The draft as the contract's service fields, unchecked: the caller parses it with the schema. */
export function fieldsOf(d: ServiceDraft) {
  const windowHours = whole(d.refundWindowHours);
  return {
    name: d.name,
    description: d.description,
    durationMinutes: whole(d.durationMinutes),
    priceAmount: minor(d.price),
    bufferBeforeMinutes: whole(d.bufferBeforeMinutes),
    bufferAfterMinutes: whole(d.bufferAfterMinutes),
    deposit: depositOf(d),
    noShowFee: noShowFeeOf(d),
    cancellationRefund: {
      windowMinutes: windowHours === undefined ? undefined : Math.round(windowHours * 60),
      latePercent: whole(d.latePercent),
    },
    rebookingIntervalDays: whole(d.rebookingIntervalDays) ?? null,
    staffIds: d.staffIds,
    active: d.active,
    reminderSchedule: d.ownReminders
      ? d.reminders.map((r) => {
          const hours = whole(r.hoursBefore);
          return {
            channel: r.channel,
            offsetMinutes: hours === undefined ? undefined : Math.round(hours * 60),
          };
        })
      : null,
  };
}
