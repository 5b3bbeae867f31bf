// An appointment's audit trail (appointments.history), oldest first, in plain words.
import { Text, Timeline } from '@mantine/core';
import type { ChannelOutput, StaffMember } from '../../../../preload/contract/index.js';
import { useChannel } from '../../client/queries.js';
import { formatDateTime } from '../../time/zone.js';
import { statusLabels } from './layout.js';

type AuditEvent = ChannelOutput<'appointments.history'>[number];

const actors: Record<AuditEvent['actor'], string> = {
  desk: 'the desk',
  customer: 'the customer',
  system: 'BookingSync',
  api: 'the API',
};

function describe(event: AuditEvent, zone: string, staff: StaffMember[]): string {
  const status = (s: AuditEvent['toStatus']) => (s ? statusLabels[s].toLowerCase() : '?');
  switch (event.kind) {
    case 'created':
      return `Booked (${status(event.toStatus)})`;
    case 'status_changed':
      return `${statusLabels[event.fromStatus ?? 'confirmed']} → ${status(event.toStatus)}`;
    case 'rescheduled': {
      if (event.fromStart === event.toStart && event.fromStaffId === event.toStaffId) {
        return 'Length changed';
      }
      const who = staff.find((s) => s.id === event.toStaffId)?.name;
      const when = event.toStart === null ? '?' : formatDateTime(event.toStart, zone);
      return `Moved to ${when}${who && event.toStaffId !== event.fromStaffId ? ` with ${who}` : ''}`;
    }
    case 'customer_confirmed':
      return 'Confirmed by the customer';
    case 'note_changed':
      return 'Note changed';
    default: {
      const never: never = event.kind;
      return String(never);
    }
  }
}

export function AuditTrail({
  id,
  zone,
  staff,
}: {
  id: string;
  zone: string;
  staff: StaffMember[];
}) {
  const history = useChannel('appointments.history', { id });
  const events = history.data ?? [];
  return (
    <Timeline bulletSize={12} lineWidth={2} active={events.length - 1} data-testid="audit-trail">
      {events.map((event) => (
        <Timeline.Item key={event.id} data-testid="audit-event" data-kind={event.kind}>
          <Text size="sm" fw={600}>
            {describe(event, zone, staff)}
          </Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(event.at, zone)} by {actors[event.actor]}
            {event.reason ? ` — “${event.reason}”` : ''}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
