// How two records of one person combine when the desk merges a duplicate into the kept customer.
// Nothing is lost: the kept customer's details win, the duplicate fills what is missing, and a
// phone or email that cannot be kept (the kept customer has a different one) is written into the
// notes. Consent belongs to a contact detail, so it follows the record the kept phone or email
// came from rather than being OR-ed across both (one record's "no" is not overridden).

export interface MergeableCustomer {
  name: string;
  phone: string | null;
  email: string | null;
  notes: string;
  smsConsent: boolean;
  emailConsent: boolean;
  phoneInvalidAt: number | null;
  createdAt: number;
}

export function mergeCustomers<T extends MergeableCustomer>(
  keep: T,
  duplicate: MergeableCustomer,
): T {
  const phoneFromDuplicate = keep.phone === null && duplicate.phone !== null;
  const emailFromDuplicate = keep.email === null && duplicate.email !== null;
  const dropped: string[] = [];
  if (duplicate.name.trim() !== keep.name.trim()) dropped.push(`name ${duplicate.name}`);
  if (duplicate.phone !== null && keep.phone !== null && duplicate.phone !== keep.phone) {
    dropped.push(`phone ${duplicate.phone}`);
  }
  if (duplicate.email !== null && keep.email !== null && duplicate.email !== keep.email) {
    dropped.push(`email ${duplicate.email}`);
  }
  const notes = [
    keep.notes.trim(),
    duplicate.notes.trim(),
    dropped.length > 0 ? `Merged duplicate had ${dropped.join(', ')}.` : '',
  ]
    .filter((part) => part !== '' && part !== undefined)
    // The same note on both records is kept once.
    .filter((part, index, all) => all.indexOf(part) === index)
    .join('\n\n');
  return {
    ...keep,
    phone: phoneFromDuplicate ? duplicate.phone : keep.phone,
    email: emailFromDuplicate ? duplicate.email : keep.email,
    smsConsent: phoneFromDuplicate ? duplicate.smsConsent : keep.smsConsent,
    emailConsent: emailFromDuplicate ? duplicate.emailConsent : keep.emailConsent,
    phoneInvalidAt: phoneFromDuplicate ? duplicate.phoneInvalidAt : keep.phoneInvalidAt,
    notes,
    // The customer has been with the business since the older record.
    createdAt: Math.min(keep.createdAt, duplicate.createdAt),
  };
}
