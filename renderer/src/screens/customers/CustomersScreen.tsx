// Customers: the searchable list on the left, the chosen customer on the right.
import './customers.css';
import { Box, Center, Loader, Text } from '@mantine/core';
import { useState } from 'react';
import { useChannel } from '../../client/queries.js';
import { CustomerList } from './CustomerList.js';
import { CustomerPanel } from './CustomerPanel.js';

export function CustomersScreen() {
  const settings = useChannel('settings.get', {});
  const [selectedId, setSelectedId] = useState<string | null>(null);
  return (
    <Box h="100%" style={{ display: 'flex' }} data-testid="customers-screen">
      <Box w={340} h="100%" style={{ flexShrink: 0 }}>
        <CustomerList selectedId={selectedId} onSelect={(c) => setSelectedId(c.id)} />
      </Box>
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
          <CustomerPanel customerId={selectedId} settings={settings.data} />
        )}
      </Box>
    </Box>
  );
}
