// The frame around every screen: the business's name, navigation, light/dark switch.
import {
  ActionIcon,
  AppShell,
  Group,
  NavLink,
  Text,
  Title,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useChannel } from '../client/queries.js';
import { CalendarScreen } from '../screens/calendar/CalendarScreen.js';
import { CustomersScreen } from '../screens/customers/CustomersScreen.js';
import { MessagesScreen } from '../screens/messages/MessagesScreen.js';
import { ServicesScreen } from '../screens/services/ServicesScreen.js';
import { SettingsScreen } from '../screens/settings/SettingsScreen.js';
import { StaffScreen } from '../screens/staff/StaffScreen.js';
import { DeskNavigationProvider, type DeskIntent, type DeskNavigation } from './navigation.js';

const screens = [
  { key: 'calendar', label: 'Calendar' },
  { key: 'customers', label: 'Customers' },
  { key: 'messages', label: 'Messages' },
  { key: 'services', label: 'Services' },
  { key: 'staff', label: 'Staff' },
  { key: 'settings', label: 'Settings' },
] as const;
type ScreenKey = (typeof screens)[number]['key'];

function ColorSchemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const next = scheme === 'dark' ? 'light' : 'dark';
  return (
    <ActionIcon
      variant="default"
      size="lg"
      aria-label={`Switch to ${next} mode`}
      data-testid="color-scheme-toggle"
      data-scheme={scheme}
      onClick={() => setColorScheme(next)}
    >
      <span aria-hidden>{scheme === 'dark' ? '☀' : '☾'}</span>
    </ActionIcon>
  );
}

function Screen({ screen }: { screen: ScreenKey }) {
  switch (screen) {
    case 'calendar':
      return <CalendarScreen />;
    case 'customers':
      return <CustomersScreen />;
    case 'messages':
      return <MessagesScreen />;
    case 'services':
      return <ServicesScreen />;
    case 'staff':
      return <StaffScreen />;
    case 'settings':
      return <SettingsScreen />;
    default: {
      const never: never = screen;
      throw new Error(`Unknown screen ${String(never)}`);
    }
  }
}

export function DeskShell() {
  const [screen, setScreen] = useState<ScreenKey>('calendar');
  const [pending, setPending] = useState<DeskIntent | null>(null);
  const settings = useChannel('settings.get', {});
  const navigation = useMemo<DeskNavigation>(
    () => ({
      go: (intent) => {
        setPending(intent);
        setScreen(intent.kind === 'customer' ? 'customers' : 'calendar');
      },
      pending,
      done: () => setPending(null),
    }),
    [pending],
  );
  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 180, breakpoint: 0 }} padding={0}>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="xs">
            <Title order={1} size="h4" data-testid="business-name">
              {settings.data?.name ?? 'BookingSync'}
            </Title>
            {settings.data && (
              <Text size="xs" c="dimmed">
                {settings.data.timeZone}
              </Text>
            )}
          </Group>
          <ColorSchemeToggle />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Screens">
        {screens.map((s) => (
          <NavLink
            key={s.key}
            component="button"
            label={s.label}
            active={screen === s.key}
            aria-current={screen === s.key ? 'page' : undefined}
            data-testid={`nav-${s.key}`}
            onClick={() => {
              setPending(null);
              setScreen(s.key);
            }}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main h="100dvh">
        <DeskNavigationProvider value={navigation}>
          <Screen screen={screen} />
        </DeskNavigationProvider>
      </AppShell.Main>
    </AppShell>
  );
}
