// Messages: the inbox of customers' texts (those needing a human first) and the outbox of every
// confirmation, reminder and follow-up.
import { Badge, ScrollArea, Stack, Tabs, Title } from '@mantine/core';
import { useState } from 'react';
import { useChannel } from '../../client/queries.js';
import { InboxList } from './InboxList.js';
import { OutboxList } from './OutboxList.js';

export function MessagesScreen() {
  const settings = useChannel('settings.get', {});
  const unhandled = useChannel('inbox.list', { needsReplyOnly: true, limit: 1 });
  const [tab, setTab] = useState<string | null>('inbox');
  const zone = settings.data?.timeZone ?? 'UTC';
  const waiting = unhandled.data?.unhandled ?? 0;
  return (
    <ScrollArea h="100%" data-testid="messages-screen">
      <Stack gap="md" p="lg" maw={1100}>
        <Title order={2}>Messages</Title>
        <Tabs value={tab} onChange={setTab}>
          <Tabs.List>
            <Tabs.Tab
              value="inbox"
              data-testid="messages-tab-inbox"
              rightSection={
                waiting > 0 ? (
                  <Badge size="xs" color="orange" data-testid="inbox-unhandled">
                    {waiting}
                  </Badge>
                ) : undefined
              }
            >
              Inbox
            </Tabs.Tab>
            <Tabs.Tab value="outbox" data-testid="messages-tab-outbox">
              Sent and planned
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="inbox" pt="md">
            <InboxList zone={zone} />
          </Tabs.Panel>
          <Tabs.Panel value="outbox" pt="md">
            <OutboxList zone={zone} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </ScrollArea>
  );
}
