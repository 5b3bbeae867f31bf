// Customers: stored with an E.164 phone and a lower-cased email, so the same person booking twice
// (by phone from the desk, by email from the widget) is found rather than duplicated.
import { asc, count, eq, like, or, sql, type SQL } from 'drizzle-orm';
import { customers } from '../../db/schema.js';
import type { ConsentSource, Customer } from '../../preload/contract/index.js';
import { normalisePhone, phoneSearchPrefix } from '../domain/phone.js';
import { ConflictError, NotFoundError, ValidationError } from '../core/errors.js';
import type { Core } from '../core/context.js';
import type { SettingsService } from '../catalog/index.js';

type CustomerRow = typeof customers.$inferSelect;

export function toCustomer(row: CustomerRow): Customer {
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    email: row.email,
    notes: row.notes,
    smsConsent: row.smsConsent,
    emailConsent: row.emailConsent,
    smsConsentSource: row.smsConsentSource,
    smsConsentAt: row.smsConsentAt,
    emailConsentSource: row.emailConsentSource,
    emailConsentAt: row.emailConsentAt,
    phoneInvalidAt: row.phoneInvalidAt,
    createdAt: row.createdAt,
  };
}

export interface CustomerDetails {
  name: string;
  phone?: string | undefined;
  email?: string | undefined;
}

export interface Consent {
  sms?: boolean | undefined;
  email?: boolean | undefined;
}

/**
 * Appointment texts and emails are service messages (the booking the customer made), so a
 * customer added at the desk gets them unless the receptionist unticks the box; elsewhere the
 * channel's own default stands (the widget asks, the API and imports say so explicitly).
 */
function defaultSmsConsent(source: ConsentSource): boolean {
  return source === 'desk';
}

/** A STOP text is the customer's own word: only their START turns texts back on. */
function stoppedByText(row: CustomerRow): boolean {
  return !row.smsConsent && row.smsConsentSource === 'sms_keyword';
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function createCustomerService(core: Core, settings: SettingsService) {
  const { db, clock, newId, events } = core;

  /** Announced by the service itself, so every path (desk, public API, an SMS STOP) is heard. */
  function announce(change: 'created' | 'updated', customerIds: string[]): void {
    events.emit('customers.changed', { change, customerIds });
  }

  function patch(id: string, values: Partial<CustomerRow>): CustomerRow {
    const updated = db
      .update(customers)
      .set({ ...values, updatedAt: clock.now() })
      .where(eq(customers.id, id))
      .returning()
      .get();
    if (!updated) throw new NotFoundError('customer', id);
    announce('updated', [id]);
    return updated;
  }

  function insert(values: Omit<typeof customers.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>) {
    const now = clock.now();
    const created = db
      .insert(customers)
      .values({ ...values, id: newId('cus'), createdAt: now, updatedAt: now })
      .returning()
      .get();
    announce('created', [created.id]);
    return created;
  }
  // Looked up inside every booking transaction: prepared once.
  const byId = db
    .select()
    .from(customers)
    .where(eq(customers.id, sql.placeholder('value')))
    .prepare();
  const byPhone = db
    .select()
    .from(customers)
    .where(eq(customers.phone, sql.placeholder('value')))
    .prepare();
  const byEmail = db
    .select()
    .from(customers)
    .where(eq(customers.email, sql.placeholder('value')))
    .prepare();

  function phoneOf(raw: string, field: string): string {
    const result = normalisePhone(raw, settings.get().country);
    if (!result.ok) throw ValidationError.field(field, result.reason);
    return result.e164;
  }

  /** The consent columns that change, each with who changed it and when. */
  function consentChanges(
    current: CustomerRow,
    wanted: { smsConsent?: boolean | undefined; emailConsent?: boolean | undefined },
    source: ConsentSource,
  ): Partial<CustomerRow> {
    const changes: Partial<CustomerRow> = {};
    const now = clock.now();
    if (wanted.smsConsent !== undefined && wanted.smsConsent !== current.smsConsent) {
      Object.assign(changes, {
        smsConsent: wanted.smsConsent,
        smsConsentSource: source,
        smsConsentAt: now,
      });
    }
    if (wanted.emailConsent !== undefined && wanted.emailConsent !== current.emailConsent) {
      Object.assign(changes, {
        emailConsent: wanted.emailConsent,
        emailConsentSource: source,
        emailConsentAt: now,
      });
    }
    return changes;
  }

  function row(id: string): CustomerRow {
    const found = byId.get({ value: id });
    if (!found) throw new NotFoundError('customer', id);
    return found;
  }

  function assertUnique(phone: string | null, email: string | null, exceptId?: string): void {
    const clash = (
      column: typeof customers.phone | typeof customers.email,
      value: string | null,
      field: string,
    ) => {
      if (value === null) return;
      const other = db.select({ id: customers.id }).from(customers).where(eq(column, value)).get();
      if (other && other.id !== exceptId) {
        throw new ConflictError(`Another customer already has this ${field}`, {
          field,
          customerId: other.id,
        });
      }
    };
    clash(customers.phone, phone, 'phone');
    clash(customers.email, email, 'email');
  }

  return {
    row,
    get: (id: string): Customer => toCustomer(row(id)),

    list(query: { search?: string; limit?: number; offset?: number }) {
      const term = query.search?.trim();
      let where: SQL | undefined;
      if (term) {
        const pattern = `%${escapeLike(term.toLowerCase())}%`;
        const digits = term.replace(/\D/g, '');
        // Digits anywhere find a number by the part someone remembers ("413 902"); the E.164
        // prefix finds it as it is said in the business's country ("07816 413902").
        const prefix = phoneSearchPrefix(term, settings.get().country);
        where = or(
          like(customers.name, pattern),
          like(customers.email, pattern),
          digits.length >= 3 ? like(customers.phone, `%${digits}%`) : undefined,
          prefix ? like(customers.phone, `${prefix}%`) : undefined,
        );
      }
      const total = db.select({ n: count() }).from(customers).where(where).get()?.n ?? 0;
      const rows = db
        .select()
        .from(customers)
        .where(where)
        .orderBy(asc(customers.name), asc(customers.id))
        .limit(query.limit ?? 50)
        .offset(query.offset ?? 0)
        .all();
      return { customers: rows.map(toCustomer), total };
    },

    create(
      input: CustomerDetails & { notes?: string; smsConsent?: boolean; emailConsent?: boolean },
      source: ConsentSource,
    ) {
      const phone = input.phone ? phoneOf(input.phone, 'phone') : null;
      const email = input.email ? input.email.trim().toLowerCase() : null;
      assertUnique(phone, email);
      const now = clock.now();
      const created = insert({
        name: input.name.trim(),
        phone,
        email,
        notes: input.notes ?? '',
        smsConsent: input.smsConsent ?? defaultSmsConsent(source),
        emailConsent: input.emailConsent ?? true,
        smsConsentSource: source,
        smsConsentAt: now,
        emailConsentSource: source,
        emailConsentAt: now,
      });
      return toCustomer(created);
    },

    update(input: {
      id: string;
      name?: string;
      phone?: string | null;
      email?: string | null;
      notes?: string;
      smsConsent?: boolean;
      emailConsent?: boolean;
    }): Customer {
      const current = row(input.id);
      const phone =
        input.phone === undefined ? current.phone : input.phone && phoneOf(input.phone, 'phone');
      const email =
        input.email === undefined ? current.email : (input.email?.trim().toLowerCase() ?? null);
      if (!phone && !email) {
        throw ValidationError.field('phone', 'a customer needs a phone number or an email address');
      }
      assertUnique(phone, email, current.id);
      if (input.smsConsent === true && stoppedByText(current)) {
        throw ValidationError.field(
          'smsConsent',
          'this customer texted STOP; texts start again when they text START',
        );
      }
      const { id, ...rest } = input;
      return toCustomer(
        patch(id, { ...rest, phone, email, ...consentChanges(current, input, 'desk') }),
      );
    },

    /** SMS consent as the customer last said it by text (STOP or START). */
    setSmsConsent(id: string, smsConsent: boolean): void {
      patch(id, { smsConsent, smsConsentSource: 'sms_keyword', smsConsentAt: clock.now() });
    },

    /** The number can never receive SMS (Twilio 21211): no more texts are planned to it. */
    flagInvalidPhone(id: string): void {
      patch(id, { phoneInvalidAt: clock.now() });
    },

    /**
     * Used inside the booking transaction. Phone wins over email when both match different
     * customers, because phone is what reminders go to. Missing contact details are filled in.
     */
    findOrCreate(details: CustomerDetails, consent: Consent, source: ConsentSource): CustomerRow {
      const phone = details.phone ? phoneOf(details.phone, 'customer.phone') : null;
      const email = details.email ? details.email.trim().toLowerCase() : null;
      const samePhone = phone ? byPhone.get({ value: phone }) : undefined;
      const sameEmail = email ? byEmail.get({ value: email }) : undefined;
      const found = samePhone ?? sameEmail;
      if (found) {
        const missing: Partial<CustomerRow> = {};
        if (!found.phone && phone && !samePhone) missing.phone = phone;
        if (!found.email && email && !sameEmail) missing.email = email;
        Object.assign(
          missing,
          consentChanges(
            found,
            // A booking never overrides a STOP: the customer withdrew by text and restores by text.
            {
              smsConsent: stoppedByText(found) ? undefined : consent.sms,
              emailConsent: consent.email,
            },
            source,
          ),
        );
        if (Object.keys(missing).length === 0) return found;
        return patch(found.id, missing);
      }
      const now = clock.now();
      return insert({
        name: details.name.trim(),
        phone,
        email,
        smsConsent: consent.sms ?? defaultSmsConsent(source),
        emailConsent: consent.email ?? true,
        smsConsentSource: source,
        smsConsentAt: now,
        emailConsentSource: source,
        emailConsentAt: now,
      });
    },
  };
}

export type CustomerService = ReturnType<typeof createCustomerService>;
