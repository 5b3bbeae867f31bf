// The customer's history at a glance. Each figure carries its raw value in data-value so tests
// compare numbers, not formatted text.
import { Paper, SimpleGrid, Text } from '@mantine/core';
import { formatMoney, type CustomerStats } from './stats.js';
import { formatTime } from '../../time/zone.js';
import { formatDate } from './when.js';

function Stat(props: {
  id: string;
  label: string;
  value: string | number | null;
  shown: string;
  /** A second, quieter line (the time of a visit) so the figure itself stays on one line. */
  detail?: string | undefined;
}) {
  return (
    <Paper withBorder p="xs" data-testid={`stat-${props.id}`} data-value={props.value ?? ''}>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text fw={600} size="lg">
        {props.shown}
      </Text>
      {props.detail && (
        <Text size="xs" c="dimmed">
          {props.detail}
        </Text>
      )}
    </Paper>
  );
}

export function StatsGrid(props: { stats: CustomerStats; currency: string; zone: string }) {
  const { stats, zone } = props;
  const day = (ms: number | null) => (ms === null ? '—' : formatDate(ms, zone));
  const time = (ms: number | null) => (ms === null ? undefined : formatTime(ms, zone));
  return (
    <SimpleGrid cols={4} spacing="xs" data-testid="customer-stats">
      <Stat id="visits" label="Visits" value={stats.visits} shown={String(stats.visits)} />
      <Stat id="no-shows" label="No-shows" value={stats.noShows} shown={String(stats.noShows)} />
      <Stat
        id="cancellations"
        label="Cancellations"
        value={stats.cancellations}
        shown={String(stats.cancellations)}
      />
      <Stat
        id="no-show-rate"
        label="No-show rate"
        value={stats.noShowRate}
        shown={stats.noShowRate === null ? '—' : `${Math.round(stats.noShowRate * 100)}%`}
      />
      <Stat
        id="last-visit"
        label="Last visit"
        value={stats.lastVisit}
        shown={day(stats.lastVisit)}
        detail={time(stats.lastVisit)}
      />
      <Stat
        id="next-visit"
        label="Next visit"
        value={stats.nextVisit}
        shown={day(stats.nextVisit)}
        detail={time(stats.nextVisit)}
      />
      <Stat
        id="total-spent"
        label="Total spent"
        value={stats.totalSpent}
        shown={formatMoney(stats.totalSpent, props.currency)}
      />
    </SimpleGrid>
  );
}
