// The booking widget for the business's own website: theme controls, the embed snippet they
// produce (to copy into the site) and a live preview of the real widget with the same look.
import {
  Alert,
  Button,
  Code,
  ColorInput,
  CopyButton,
  Grid,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useChannel } from '../../client/queries.js';
import { WidgetPreview } from './WidgetPreview.js';
import { defaultLook, embedSnippet, type WidgetLook } from './widgetEmbed.js';

const fonts = [
  { value: 'system-ui, sans-serif', label: 'System' },
  { value: 'Georgia, "Times New Roman", serif', label: 'Serif (Georgia)' },
  { value: '"Trebuchet MS", Verdana, sans-serif', label: 'Humanist (Trebuchet)' },
  { value: '"Courier New", monospace', label: 'Typewriter' },
];

// The languages a site is most likely written in; a site can put any BCP 47 tag in data-locale.
const languages = [
  { value: 'browser', label: 'As each visitor’s browser' },
  { value: 'en-GB', label: 'English (UK)' },
  { value: 'en-US', label: 'English (US)' },
  { value: 'en-AU', label: 'English (Australia)' },
  { value: 'en-CA', label: 'English (Canada)' },
  { value: 'en-IE', label: 'English (Ireland)' },
  { value: 'de-DE', label: 'Deutsch (Deutschland)' },
  { value: 'de-AT', label: 'Deutsch (Österreich)' },
  { value: 'de-CH', label: 'Deutsch (Schweiz)' },
  { value: 'fr-FR', label: 'Français (France)' },
  { value: 'fr-CA', label: 'Français (Canada)' },
  { value: 'es-ES', label: 'Español (España)' },
  { value: 'es-MX', label: 'Español (México)' },
  { value: 'it-IT', label: 'Italiano' },
  { value: 'nl-NL', label: 'Nederlands' },
  { value: 'pt-PT', label: 'Português (Portugal)' },
  { value: 'pt-BR', label: 'Português (Brasil)' },
  { value: 'sv-SE', label: 'Svenska' },
  { value: 'da-DK', label: 'Dansk' },
  { value: 'nb-NO', label: 'Norsk' },
  { value: 'fi-FI', label: 'Suomi' },
  { value: 'pl-PL', label: 'Polski' },
];

function Controls(props: { look: WidgetLook; onChange: (patch: Partial<WidgetLook>) => void }) {
  const services = useChannel('services.list', {});
  const { look } = props;
  return (
    <Stack gap="sm">
      <Select
        label="Service"
        description="Empty: the customer chooses"
        data={(services.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
        value={look.serviceId}
        onChange={(serviceId) => props.onChange({ serviceId })}
        clearable
        placeholder="Any service"
        data-testid="widget-service"
      />
      <ColorInput
        label="Main colour"
        value={look.primary}
        onChange={(primary) => props.onChange({ primary })}
        format="hex"
        swatches={['#2563eb', '#0ca678', '#e8590c', '#c2255c', '#7048e8', '#212529']}
        data-testid="widget-primary"
      />
      <Group grow>
        <NumberInput
          label="Corner radius (px)"
          value={look.radius}
          min={0}
          max={32}
          allowDecimal={false}
          onChange={(v) => props.onChange({ radius: typeof v === 'number' ? v : 0 })}
          data-testid="widget-radius"
        />
        <Select
          label="Font"
          data={fonts}
          value={look.font}
          onChange={(font) => props.onChange({ font: font ?? defaultLook.font })}
          allowDeselect={false}
          data-testid="widget-font"
        />
      </Group>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Colours
        </Text>
        <SegmentedControl
          data={[
            { value: 'light', label: 'Light' },
            { value: 'dark', label: 'Dark' },
          ]}
          value={look.mode}
          onChange={(mode) => props.onChange({ mode: mode === 'dark' ? 'dark' : 'light' })}
          data-testid="widget-mode"
        />
      </Stack>
      <Select
        label="Dates, times and prices in"
        description="Set it to the language your site and headings are in"
        data={languages}
        value={look.locale || 'browser'}
        onChange={(locale) =>
          props.onChange({ locale: locale && locale !== 'browser' ? locale : '' })
        }
        allowDeselect={false}
        searchable
        data-testid="widget-locale"
      />
      <TextInput
        label="First heading"
        value={look.chooseService}
        onChange={(e) => props.onChange({ chooseService: e.currentTarget.value })}
        data-testid="widget-label-title"
      />
      <TextInput
        label="Book button"
        value={look.book}
        onChange={(e) => props.onChange({ book: e.currentTarget.value })}
        data-testid="widget-label-book"
      />
    </Stack>
  );
}

export function WidgetSection() {
  const info = useChannel('widget.embedInfo', {});
  const [look, setLook] = useState<WidgetLook>(defaultLook);
  if (!info.data) return <Text c="dimmed">Finding the widget’s address…</Text>;
  const { publicUrl, previewUrl } = info.data;
  if (!publicUrl || !previewUrl) {
    return (
      <Alert color="yellow" data-testid="widget-unavailable">
        The public listener is not running, so there is no widget to embed yet. Start BookingSync
        with its public listener (server mode does by default) and come back here.
      </Alert>
    );
  }
  const snippet = embedSnippet(publicUrl, look);
  return (
    <Grid gap="lg">
      <Grid.Col span={5}>
        <Controls look={look} onChange={(patch) => setLook((l) => ({ ...l, ...patch }))} />
      </Grid.Col>
      <Grid.Col span={7}>
        <Stack gap="sm">
          <Group justify="space-between">
            <Text size="sm" fw={500}>
              Paste this where the widget should appear on your site
            </Text>
            <CopyButton value={snippet}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy} data-testid="widget-copy">
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Code block data-testid="widget-snippet">
            {snippet}
          </Code>
          <Text size="sm" fw={500}>
            Preview (the real widget: bookings made here are real)
          </Text>
          <Paper withBorder p="sm" mah={520} style={{ overflowY: 'auto' }}>
            <WidgetPreview previewUrl={previewUrl} look={look} />
          </Paper>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
