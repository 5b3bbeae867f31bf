// Settings: the business and its booking rules, the admin API keys, when reminders go out, the
// wording of each message, and the connections (public address, Twilio, SMTP).
import { Center, Loader, Paper, ScrollArea, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useChannel } from '../../client/queries.js';
import { ApiKeysSection } from './ApiKeysSection.js';
import { BusinessSettingsForm } from './BusinessSettingsForm.js';
import { ConnectionsSection } from './ConnectionsSection.js';
import { PaymentsSection } from './PaymentsSection.js';
import { ReminderSettingsSection } from './ReminderSettingsSection.js';
import { TemplatesSection } from './TemplatesSection.js';
import { WidgetSection } from './WidgetSection.js';

function Section(props: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper
      withBorder
      p="lg"
      component="section"
      aria-labelledby={`section-${props.id}`}
      data-testid={`settings-section-${props.id}`}
    >
      <Title order={3} size="h4" mb="sm" id={`section-${props.id}`}>
        {props.title}
      </Title>
      {props.children}
    </Paper>
  );
}

export function SettingsScreen() {
  const settings = useChannel('settings.get', {});
  if (!settings.data) {
    return (
      <Center h="100%">
        <Loader />
      </Center>
    );
  }
  return (
    <ScrollArea h="100%" data-testid="settings-screen">
      <Stack gap="lg" p="lg" maw={900}>
        <Title order={2}>Settings</Title>
        <Section id="business" title="Business and booking rules">
          {/* Keyed by the saved values: a save (here or in another window) resets the draft. */}
          <BusinessSettingsForm key={JSON.stringify(settings.data)} current={settings.data} />
        </Section>
        <Section id="api-keys" title="Admin API keys">
          <ApiKeysSection zone={settings.data.timeZone} />
        </Section>
        <Section id="widget" title="Booking widget for your website">
          <WidgetSection />
        </Section>
        <Section id="reminders" title="Reminders">
          <ReminderSettingsSection />
        </Section>
        <Section id="templates" title="Message templates">
          <TemplatesSection />
        </Section>
        <Section id="connections" title="Connections: web address, texts and email">
          <ConnectionsSection />
        </Section>
        <Section id="payments" title="Payments: deposits through Stripe">
          <PaymentsSection />
        </Section>
      </Stack>
    </ScrollArea>
  );
}
