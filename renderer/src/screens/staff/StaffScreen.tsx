// Staff: the team on the left, the chosen member's details, weekly hours and time off on the right.
import '../services/catalogue.css';
import {
  Badge,
  Box,
  Center,
  ColorSwatch,
  Group,
  Loader,
  Paper,
  ScrollArea,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { StaffMember } from '../../../../preload/contract/index.js';
import { useChannel } from '../../client/queries.js';
import { CatalogueList, CatalogueRow } from '../services/CatalogueList.js';
import { HoursEditor } from './HoursEditor.js';
import { StaffForm } from './StaffForm.js';
import { TimeOffSection } from './TimeOffSection.js';

type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'existing'; id: string };

function StaffRow(props: { member: StaffMember; selected: boolean; onSelect: () => void }) {
  const { member } = props;
  return (
    <CatalogueRow
      testId="staff-row"
      data={{ 'data-staff-id': member.id }}
      active={member.active}
      selected={props.selected}
      onSelect={props.onSelect}
    >
      <Group gap="sm" wrap="nowrap">
        <ColorSwatch color={member.color} size={14} />
        <Box style={{ minWidth: 0, flex: 1 }}>
          <Text size="sm" fw={500} truncate>
            {member.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {member.email ?? 'No email'}
          </Text>
        </Box>
        {!member.active && (
          <Badge size="xs" color="gray" variant="light">
            inactive
          </Badge>
        )}
      </Group>
    </CatalogueRow>
  );
}

function Section(props: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" data-testid={`staff-section-${props.id}`}>
      <Title order={3} size="h5" mb="sm">
        {props.title}
      </Title>
      {props.children}
    </Paper>
  );
}

export function StaffScreen() {
  const staff = useChannel('staff.list', {});
  const settings = useChannel('settings.get', {});
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });

  if (!staff.data || !settings.data) {
    return (
      <Center h="100%">
        <Loader />
      </Center>
    );
  }
  const selected =
    editing.kind === 'existing' ? staff.data.find((s) => s.id === editing.id) : undefined;
  const timeZone = settings.data.timeZone;
  return (
    <Box h="100%" style={{ display: 'flex' }} data-testid="staff-screen">
      <CatalogueList
        title="Staff"
        newLabel="Add staff"
        onNew={() => setEditing({ kind: 'new' })}
        width={280}
        testIdPrefix="staff"
        listTestId="staff-list"
        emptyTestId="staff-empty"
        count={staff.data.length}
        empty={
          <>
            Nobody here yet. Press “Add staff” to add the people who take appointments, then set
            their weekly hours.
          </>
        }
      >
        {staff.data.map((member) => (
          <StaffRow
            key={member.id}
            member={member}
            selected={selected?.id === member.id}
            onSelect={() => setEditing({ kind: 'existing', id: member.id })}
          />
        ))}
      </CatalogueList>
      <ScrollArea h="100%" style={{ flex: 1, minWidth: 0 }}>
        <Stack p="lg" gap="md" maw={860}>
          {editing.kind === 'new' ? (
            <Section id="details" title="New staff member">
              <StaffForm
                member={null}
                onSaved={(m) => setEditing({ kind: 'existing', id: m.id })}
                onCancel={() => setEditing({ kind: 'none' })}
              />
            </Section>
          ) : selected ? (
            <>
              <Title order={2} size="h3" data-testid="staff-title">
                {selected.name}
              </Title>
              <Section id="details" title="Details">
                <StaffForm
                  key={JSON.stringify(selected)}
                  member={selected}
                  onSaved={(m) => setEditing({ kind: 'existing', id: m.id })}
                  onCancel={() => setEditing({ kind: 'none' })}
                />
              </Section>
              <Section id="hours" title="Weekly hours">
                <HoursEditor key={selected.id} staffId={selected.id} />
              </Section>
              <Section id="timeoff" title="Time off">
                <TimeOffSection key={selected.id} staffId={selected.id} timeZone={timeZone} />
              </Section>
            </>
          ) : (
            <Center mih={300} data-testid="staff-none-selected">
              <Text c="dimmed" ta="center" maw={380}>
                Choose someone to change their details, weekly hours or time off, or press “Add
                staff” to add a new team member.
              </Text>
            </Center>
          )}
        </Stack>
      </ScrollArea>
    </Box>
  );
}
