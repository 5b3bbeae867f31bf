import { describe, expect, it } from 'vitest';
import { staffForService } from '../../main/domain/staff-choice.js';

const colour = { name: 'Colour', staffIds: ['ana', 'ben', 'cai'] };
const staff = [
  { id: 'ana', name: 'Ana', active: true },
  { id: 'ben', name: 'Ben', active: false },
  { id: 'cai', name: 'Cai', active: true },
  { id: 'dev', name: 'Dev', active: true },
];

describe('who may take a booking of a service', () => {
  it('is every active member who performs it, in the service’s order', () => {
    expect(staffForService(colour, staff)).toEqual({ ok: true, staffIds: ['ana', 'cai'] });
  });

  it('is the one named, when they perform it and take bookings', () => {
    expect(staffForService(colour, staff, 'cai')).toEqual({ ok: true, staffIds: ['cai'] });
    expect(staffForService(colour, staff, 'dev')).toEqual({
      ok: false,
      reason: 'does_not_perform',
      message: 'Dev does not perform Colour',
    });
    expect(staffForService(colour, staff, 'ben')).toEqual({
      ok: false,
      reason: 'inactive',
      message: 'Ben is not taking bookings',
    });
  });

  it('is nobody when everyone who performs it is away', () => {
    const away = staff.map((m) => ({ ...m, active: false }));
    expect(staffForService(colour, away)).toMatchObject({ ok: false, reason: 'nobody' });
  });
});
