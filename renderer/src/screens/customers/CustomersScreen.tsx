// Customers: the searchable list on the left, the chosen customer on the right.
import './customers.css';
import { Box, Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useChannel } from '../../client/queries.js';
import { useDeskNavigation } from '../../shell/navigation.js';
import { CustomerList } from './CustomerList.js';
import { CustomerPanel } from './CustomerPanel.js';
import { CustomerToolbar } from './CustomerToolbar.js';

export function CustomersScreen() {
  const settings = useChannel('settings.get', {});
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const navigation = useDeskNavigation();
  const intent = navigation.pending;
  useEffect(() => {
    if (intent?.kind !== 'customer') return;
    setSelectedId(intent.customerId);
    navigation.done();
  }, [intent, navigation]);
  return (
    <Box h="100%" style={{ display: 'flex' }} data-testid="customers-screen">
      <Stack w={340} h="100%" gap={0} style={{ flexShrink: 0 }}>
        <CustomerToolbar onCreated={(c) => setSelectedId(c.id)} />
        <Box style={{ flex: 1, minHeight: 0 }}>
          <CustomerList selectedId={selectedId} onSelect={(c) => setSelectedId(c.id)} />
        </Box>
      </Stack>
      <Box h="100%" style={{ flex: 1, minWidth: 0, overflowY: 'auto' }}>
        {!settings.data ? (
          <Center h="100%">
            <Loader />
          </Center>
        ) : selectedId === null ? (
          <Center h="100%" p="lg" data-testid="customer-none-selected">
            <Text c="dimmed" ta="center" maw={360}>
              Choose a customer from the list to see their visits, no-shows and details. Search by
              part of a name, phone number or email.
            </Text>
          </Center>
        ) : (
          <CustomerPanel
            customerId={selectedId}
            settings={settings.data}
            onMerged={(kept) => setSelectedId(kept.id)}
          />
        )}
      </Box>
    </Box>
  );
}
