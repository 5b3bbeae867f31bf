// Screens that later builds of issue 6 fill in; says so plainly rather than pretending.
import { Center, Stack, Text, Title } from '@mantine/core';

export function PlaceholderScreen({ title, what }: { title: string; what: string }) {
  return (
    <Center h="100%" data-testid="placeholder-screen">
      <Stack align="center" gap="xs" maw={420}>
        <Title order={2}>{title}</Title>
        <Text c="dimmed" ta="center">
          This screen is coming in a later build: {what}. Until then, the calendar is where the day
          is run.
        </Text>
      </Stack>
    </Center>
  );
}
