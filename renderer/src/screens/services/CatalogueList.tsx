// The left-hand list of a catalogue screen (services, staff): a title with its "new" button, the
// rows, and what to do when there are none yet.
import './catalogue.css';
import { Box, Button, Group, ScrollArea, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';

export function CatalogueList(props: {
  /** Also the list's accessible name. */
  title: string;
  newLabel: string;
  onNew: () => void;
  width: number;
  /** The "new" button's test id is `${testIdPrefix}-new`. */
  testIdPrefix: string;
  listTestId: string;
  emptyTestId: string;
  /** Shown instead of rows when there are none: say what to add and why. */
  empty: ReactNode;
  count: number;
  children: ReactNode;
}) {
  return (
    <Stack w={props.width} h="100%" gap={0} className="catalogue-list" style={{ flexShrink: 0 }}>
      <Group p="sm" justify="space-between">
        <Title order={2} size="h4">
          {props.title}
        </Title>
        <Button size="xs" onClick={props.onNew} data-testid={`${props.testIdPrefix}-new`}>
          {props.newLabel}
        </Button>
      </Group>
      <ScrollArea style={{ flex: 1 }}>
        <Box role="listbox" aria-label={props.title} data-testid={props.listTestId}>
          {props.children}
        </Box>
        {props.count === 0 && (
          <Text size="sm" c="dimmed" p="md" data-testid={props.emptyTestId}>
            {props.empty}
          </Text>
        )}
      </ScrollArea>
    </Stack>
  );
}

/** One row of the list: an option the receptionist picks to open it on the right. */
export function CatalogueRow(props: {
  testId: string;
  /** data-* attributes the page models find the row by, e.g. { 'data-service-id': id }. */
  data: Record<`data-${string}`, string>;
  active: boolean;
  selected: boolean;
  onSelect: () => void;
  children: ReactNode;
}) {
  return (
    <UnstyledButton
      className="catalogue-row"
      data-testid={props.testId}
      {...props.data}
      data-active={props.active}
      aria-selected={props.selected}
      // Named by its text, so the accessible name starts with what the receptionist sees.
      role="option"
      onClick={props.onSelect}
      w="100%"
      px="md"
      py="xs"
    >
      {props.children}
    </UnstyledButton>
  );
}
