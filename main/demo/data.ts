// The demo business's fixed cast and vocabulary: a small hair studio in the UK. Kept apart from
// the generator so the lists can grow without burying the scheduling logic.
import type { DepositRule, Settings } from '../../preload/contract/index.js';

export type Audience = 'women' | 'men';

export const demoSettings: Settings = {
  name: 'Willow & Birch Hair Studio',
  timeZone: 'Europe/London',
  currency: 'GBP',
  country: 'GB',
  phone: '01632 960123',
  slotStepMinutes: 15,
  minimumNoticeMinutes: 120,
  horizonDays: 60,
  cancellationCutoffMinutes: 24 * 60,
  holdMinutes: 15,
};

const lunch = { morningEnd: 12 * 60, afternoonStart: 13 * 60 };

/** Weekday 1..5 with a 12:00–13:00 lunch break, as working-hour intervals. */
function weekdays(startMinute: number, endMinute: number) {
  return [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, startMinute, endMinute: lunch.morningEnd },
    { weekday, startMinute: lunch.afternoonStart, endMinute },
  ]);
}

export const demoStaff = [
  {
    key: 'sophie',
    name: 'Sophie Marsh',
    email: 'sophie.marsh@example.com',
    color: '#2f9e44',
    hours: [...weekdays(9 * 60, 17 * 60), { weekday: 6, startMinute: 9 * 60, endMinute: 14 * 60 }],
  },
  {
    key: 'priya',
    name: 'Priya Desai',
    email: 'priya.desai@example.com',
    color: '#ae3ec9',
    // Colour clients come after work, so the colourist starts and finishes later.
    hours: weekdays(10 * 60, 18 * 60),
  },
  {
    key: 'tom',
    name: 'Tom Fletcher',
    email: 'tom.fletcher@example.com',
    color: '#1971c2',
    hours: weekdays(9 * 60, 17 * 60),
  },
] as const;

export type DemoStaffKey = (typeof demoStaff)[number]['key'];

export interface DemoServiceDefinition {
  name: string;
  description: string;
  durationMinutes: number;
  priceAmount: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  deposit: DepositRule;
  rebookingIntervalDays: number | null;
  staff: DemoStaffKey[];
  audience: Audience;
  /** How often this service is asked for, relative to the others of its audience. */
  popularity: number;
}

export const demoServices: DemoServiceDefinition[] = [
  {
    name: "Women's cut & finish",
    description: 'Consultation, wash, cut and blow-dry finish.',
    durationMinutes: 60,
    priceAmount: 4800,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 15,
    deposit: { kind: 'none' },
    rebookingIntervalDays: 42,
    staff: ['sophie', 'priya'],
    audience: 'women',
    popularity: 5,
  },
  {
    name: "Men's cut",
    description: 'Scissor or clipper cut, wash and style.',
    durationMinutes: 30,
    priceAmount: 2400,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    deposit: { kind: 'none' },
    rebookingIntervalDays: 28,
    staff: ['tom', 'sophie'],
    audience: 'men',
    popularity: 7,
  },
  {
    name: 'Full head colour',
    description:
      'Permanent colour from root to tip, with toner and finish. Patch test 48 h before.',
    durationMinutes: 120,
    priceAmount: 9500,
    bufferBeforeMinutes: 15,
    bufferAfterMinutes: 15,
    // The one long, expensive booking: an empty two-hour chair is what a deposit protects.
    deposit: { kind: 'fixed', amount: 2000 },
    rebookingIntervalDays: 56,
    staff: ['priya', 'sophie'],
    audience: 'women',
    popularity: 2,
  },
  {
    name: 'Blow-dry',
    description: 'Wash and bouncy blow-dry.',
    durationMinutes: 45,
    priceAmount: 3200,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    deposit: { kind: 'none' },
    rebookingIntervalDays: null,
    staff: ['sophie', 'priya'],
    audience: 'women',
    popularity: 3,
  },
  {
    name: 'Beard trim & hot towel',
    description: 'Beard shape-up with a hot towel finish.',
    durationMinutes: 30,
    priceAmount: 1800,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 15,
    deposit: { kind: 'none' },
    rebookingIntervalDays: 21,
    staff: ['tom'],
    audience: 'men',
    popularity: 3,
  },
];

export const womenFirstNames: readonly string[] = (
  'Olivia Amelia Isla Ava Emily Sophie Grace Lily Freya Ella Charlotte Poppy Evie Jessica ' +
  'Hannah Chloe Lucy Megan Holly Ellie Katie Rebecca Sarah Laura Rachel Emma Zara Aisha ' +
  'Niamh Siobhan Fiona Catherine Joanne Helen Claire Nicola Gemma Harriet Imogen Maisie ' +
  'Rosie Anya Maya Alice Florence Eleanor Bethan Kirsty Nadia Yasmin'
).split(' ');

export const menFirstNames: readonly string[] = (
  'Oliver George Harry Jack Jacob Noah Charlie Thomas Oscar William James Leo Alfie Henry ' +
  'Joshua Freddie Archie Ethan Daniel Samuel Joseph Max Lewis Callum Ryan Liam Connor Ben ' +
  'Matthew Mohammed Arjun Rhys Owen Dylan Jamie Adam Luke Ravi Kwame Tomasz'
).split(' ');

export const surnames: readonly string[] = (
  'Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson ' +
  'Thompson Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke Patel ' +
  'Jackson Wood Turner Martin Cooper Hill Ward Morris Moore Clark Lee King Baker Harrison ' +
  'Morgan Allen Scott Phillips Watson Parker Price Bennett Young Griffiths Mitchell Kelly ' +
  'Cook Carter Richardson Bailey Collins Bell Shaw Murphy Miller Cox Khan Marshall ' +
  'Anderson Simpson Ellis Adams Singh Begum Wilkinson Foster Chapman Powell Webb Rogers ' +
  'Gray Mason Ali Hunt Hussain Campbell Matthews Owen Palmer Holmes Mills Barnes Knight ' +
  "Lloyd Butler Russell O'Brien MacDonald Nowak Okafor Chen Fernandes"
).split(' ');

/** Reserved example domains (RFC 2606): demo mail must never reach a real inbox. */
export const emailDomains = ['example.com', 'example.org', 'example.net'] as const;

/** UK mobile blocks; numbers drawn from them are still checked with libphonenumber. */
export const mobilePrefixes = { low: [7400, 7599], high: [7700, 7999] } as const;

export const customerNotes = [
  'Patch test done; no reaction.',
  'Sensitive scalp: cool water please.',
  'Prefers a quiet appointment.',
  'Allergic to PPD: semi-permanent colour only.',
  'Usually running 5 minutes late.',
  'Likes a strong coffee, no sugar.',
  'Pays by card only.',
  'Regular blow-dry on Fridays.',
  'Curly hair: no thinning scissors.',
  'Hard of hearing: call rather than text.',
] as const;

export const appointmentNotes = [
  'Wants to go shorter this time.',
  'Wedding on Saturday.',
  'Trying a new shade: bring swatches.',
  'Bringing a reference photo.',
  'Has to leave on time for the school run.',
  'Fringe trim only if time allows.',
] as const;

export const cancelReasons = [
  'Customer phoned: unwell',
  'Work commitment',
  'Childcare fell through',
  'Booked by mistake',
  'Away that week',
  'Car broke down',
  'Rebooking for a later date',
] as const;
