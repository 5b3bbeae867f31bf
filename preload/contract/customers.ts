// Customers' part of the contract: the people who book, merging duplicates, CSV import and export.
import { z } from 'zod';
import { id, epochMs, name, phoneInput, emailInput, empty, byId } from './shared.js';

/** Who set a consent: the desk, the widget, the public API, a CSV import, a STOP/START text, the demo. */
export const consentSource = z.enum(['desk', 'widget', 'api', 'import', 'sms_keyword', 'demo']);

export type ConsentSource = z.infer<typeof consentSource>;

export const customer = z.object({
  id,
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  notes: z.string(),
  smsConsent: z.boolean(),
  emailConsent: z.boolean(),
  /** How and when each consent was last set; null for customers from before it was recorded. */
  smsConsentSource: consentSource.nullable(),
  smsConsentAt: epochMs.nullable(),
  emailConsentSource: consentSource.nullable(),
  emailConsentAt: epochMs.nullable(),
  /** When the SMS provider said the number can never receive a text; null = fine. */
  phoneInvalidAt: epochMs.nullable(),
  createdAt: epochMs,
});

export type Customer = z.infer<typeof customer>;

export const customerDetails = z
  .object({
    name,
    phone: phoneInput.optional(),
    email: emailInput.optional(),
  })
  .refine((c) => c.phone !== undefined || c.email !== undefined, {
    message: 'a phone number or an email address is needed to reach the customer',
    path: ['phone'],
  });

export const customerMergeInput = z
  .object({ keepId: id, duplicateId: id })
  .refine((v) => v.keepId !== v.duplicateId, {
    message: 'choose two different customers',
    path: ['duplicateId'],
  });

/** What moves from the duplicate to the kept customer, and the kept customer afterwards. */
export const customerMergePreview = z.object({
  keep: customer,
  duplicate: customer,
  result: customer,
  moves: z.object({
    appointments: z.int(),
    messages: z.int(),
    smsReplies: z.int(),
    /** Payments follow their appointments; counted so the desk sees that money moves too. */
    payments: z.int(),
  }),
});

export type CustomerMergePreview = z.infer<typeof customerMergePreview>;

export const csvImportRowError = z.object({
  /** 1-based line in the file, the header being line 1. */
  row: z.int(),
  field: z.string(),
  reason: z.string(),
});

export type CsvImportRowError = z.infer<typeof csvImportRowError>;

export const csvImportResult = z.object({
  mode: z.enum(['preview', 'commit']),
  /** Rows read, header excluded. */
  rows: z.int(),
  /** Customers created (commit) or that would be (preview). */
  imported: z.int(),
  errors: z.array(csvImportRowError),
  /** The first rows as they would be stored, for the desk to check before committing. */
  sample: z.array(
    z.object({
      row: z.int(),
      name: z.string(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
    }),
  ),
});

export type CsvImportResult = z.infer<typeof csvImportResult>;

export const customersChannels = {
  'customers.list': {
    input: z.object({
      search: z.string().max(200).optional(),
      limit: z.int().min(1).max(500).optional(),
      offset: z.int().min(0).optional(),
    }),
    output: z.object({ customers: z.array(customer), total: z.int() }),
  },
  'customers.get': { input: byId, output: customer },
  'customers.create': {
    input: z.object({
      name,
      phone: phoneInput.optional(),
      email: emailInput.optional(),
      notes: z.string().max(5000).optional(),
      smsConsent: z.boolean().optional(),
      emailConsent: z.boolean().optional(),
    }),
    output: customer,
  },
  'customers.update': {
    input: z.object({
      id,
      name: name.optional(),
      phone: phoneInput.nullable().optional(),
      email: emailInput.nullable().optional(),
      notes: z.string().max(5000).optional(),
      smsConsent: z.boolean().optional(),
      emailConsent: z.boolean().optional(),
    }),
    output: customer,
  },
  // Calendar (desk UI)
  /** The customers of the appointments on screen in one call, not one call per customer. */
  'customers.getMany': {
    input: z.object({ ids: z.array(id).max(1000) }),
    output: z.array(customer),
  },
  'customers.mergePreview': { input: customerMergeInput, output: customerMergePreview },
  /** Moves everything of the duplicate onto the kept customer and removes the duplicate. */
  'customers.merge': { input: customerMergeInput, output: customer },
  /** preview: checks every row, stores nothing; commit: all rows or, on any error, none. */
  'customers.importCsv': {
    input: z.object({ csv: z.string().max(5_000_000), mode: z.enum(['preview', 'commit']) }),
    output: csvImportResult,
  },
  'customers.exportCsv': { input: empty, output: z.object({ csv: z.string(), count: z.int() }) },
} as const;

export const customersEvents = {
  /**
   * The desk added, edited, merged or imported customers: other windows refetch their lists and
   * panels (a merge also moves appointments, so the calendar's names follow).
   */
  'customers.changed': z.object({
    change: z.enum(['created', 'updated', 'merged', 'imported']),
    customerIds: z.array(id),
  }),
} as const;
