// The wording of each message, per kind and channel, with a live preview filled in with a real
// appointment. An unknown placeholder is shown at its field (subject or body) by the preview as
// soon as it is typed, and refused on save; "Reset to default" brings back the built-in words.
import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { ChannelOutput, MessageTemplateView } from '../../../../preload/contract/index.js';
import { useChannel, useChannelMutation } from '../../client/queries.js';
import { rpc } from '../../client/rpc.js';
import {
  CheckedForm,
  fieldError,
  fromRpc,
  noErrors,
  type FormErrors,
} from '../../ui/formErrors.js';
import { showToast } from '../../ui/toasts.js';

type Kind = MessageTemplateView['kind'];
type MessageChannel = MessageTemplateView['channel'];

const kindLabels: Record<Kind, string> = {
  confirmation: 'Booking confirmed',
  reminder: 'Reminder',
  rescheduled: 'Booking moved',
  cancellation: 'Booking cancelled',
  thank_you: 'Thank you after a visit',
  rebook: 'Time to rebook',
  no_show: 'After a no-show',
  reply: 'Answer to a late SMS cancel',
  payment_link: 'Deposit payment link',
  payment_refunded: 'Payment refunded',
};

const PLACEHOLDERS = [
  'customer_first_name',
  'customer_name',
  'service',
  'staff',
  'start_local',
  'business_name',
  'manage_link',
  'rebook_link',
  'payment_terms',
];

type Preview = ChannelOutput<'templates.preview'>;

function TemplateEditor({ template }: { template: MessageTemplateView }) {
  const [subject, setSubject] = useState(template.subject ?? '');
  const [body, setBody] = useState(template.body);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewErrors, setPreviewErrors] = useState<FormErrors>(noErrors);
  const [draft] = useDebouncedValue({ subject, body }, 250);
  const save = useChannelMutation('templates.save', {
    invalidates: ['templates.list'],
    inlineErrors: true,
  });
  const reset = useChannelMutation('templates.reset', { invalidates: ['templates.list'] });
  const isEmail = template.channel === 'email';

  useEffect(() => {
    let current = true;
    rpc('templates.preview', {
      kind: template.kind,
      channel: template.channel,
      body: draft.body,
      ...(isEmail ? { subject: draft.subject } : {}),
    }).then(
      (answer) => {
        if (!current) return;
        setPreview(answer);
        setPreviewErrors(noErrors);
      },
      (error: unknown) => {
        if (current) setPreviewErrors(fromRpc(error));
      },
    );
    return () => {
      current = false;
    };
  }, [draft, template.kind, template.channel, isEmail]);

  const submit = async () => {
    try {
      await save.mutateAsync({
        kind: template.kind,
        channel: template.channel,
        body,
        ...(isEmail ? { subject } : {}),
      });
      setErrors(noErrors);
      showToast({ tone: 'success', title: 'Template saved', message: kindLabels[template.kind] });
    } catch (e) {
      setErrors(fromRpc(e));
    }
  };

  // A refused save is shown until the next edit; from then on the live preview speaks.
  const edit = (setter: (value: string) => void, value: string) => {
    setter(value);
    setErrors(noErrors);
  };
  // The save's refusal wins; until then the live preview's findings show at the fields.
  const shown = errors.code ? errors : previewErrors;
  const error = (field: string) => fieldError(shown, field, 'template');
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <CheckedForm testId="template-form" errors={errors} onSubmit={submit}>
        {isEmail && (
          <TextInput
            label="Subject"
            value={subject}
            onChange={(e) => edit(setSubject, e.currentTarget.value)}
            error={error('subject')}
            data-testid="template-subject"
          />
        )}
        <Textarea
          label="Message"
          autosize
          minRows={5}
          value={body}
          onChange={(e) => edit(setBody, e.currentTarget.value)}
          error={error('body')}
          data-testid="template-body"
        />
        <Text size="xs" c="dimmed">
          Placeholders: {PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}. A link line is left out when
          there is no public web address to build it from.
        </Text>
        <Group justify="space-between">
          <Button
            variant="default"
            disabled={template.isDefault}
            loading={reset.isPending}
            onClick={() =>
              reset.mutate(
                { kind: template.kind, channel: template.channel },
                { onSuccess: () => setErrors(noErrors) },
              )
            }
            data-testid="template-reset"
          >
            Reset to default
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="template-save">
            Save template
          </Button>
        </Group>
      </CheckedForm>
      <Paper withBorder p="sm" data-testid="template-preview" aria-live="polite">
        <Group justify="space-between" mb="xs">
          <Text size="sm" fw={500}>
            Preview
          </Text>
          {preview?.segments != null && (
            <Badge variant="light" data-testid="template-segments">
              {preview.segments} SMS segment{preview.segments === 1 ? '' : 's'}
            </Badge>
          )}
        </Group>
        {previewErrors.code ? (
          <Alert color="red" data-testid="template-preview-error">
            The preview cannot be shown until the placeholders are fixed.
          </Alert>
        ) : preview ? (
          <Stack gap={4}>
            {preview.subject !== null && (
              <Text size="sm" fw={600} data-testid="template-preview-subject">
                {preview.subject}
              </Text>
            )}
            <Code block data-testid="template-preview-body" style={{ whiteSpace: 'pre-wrap' }}>
              {preview.body}
            </Code>
            <Text size="xs" c="dimmed">
              {preview.appointmentId
                ? 'Filled in with the next appointment in the calendar.'
                : 'Filled in with sample details (no appointments yet).'}
            </Text>
          </Stack>
        ) : null}
      </Paper>
    </SimpleGrid>
  );
}

export function TemplatesSection() {
  const templates = useChannel('templates.list', {});
  const [kind, setKind] = useState<Kind>('reminder');
  const [channel, setChannel] = useState<MessageChannel>('sms');
  const template = templates.data?.find((t) => t.kind === kind && t.channel === channel);
  return (
    <Stack gap="sm" data-testid="templates-section">
      <Group gap="sm" align="flex-end">
        <Select
          label="Message"
          data={Object.entries(kindLabels).map(([value, label]) => ({ value, label }))}
          value={kind}
          allowDeselect={false}
          onChange={(v) => v && setKind(v as Kind)}
          data-testid="template-kind"
          w={260}
        />
        <SegmentedControl
          data={[
            { value: 'sms', label: 'Text (SMS)' },
            { value: 'email', label: 'Email' },
          ]}
          value={channel}
          onChange={(v) => setChannel(v === 'email' ? 'email' : 'sms')}
          data-testid="template-channel"
        />
        {template && (
          <Badge
            variant="outline"
            color={template.isDefault ? 'gray' : 'teal'}
            data-testid="template-state"
            data-default={template.isDefault}
          >
            {template.isDefault ? 'Default wording' : 'Your wording'}
          </Badge>
        )}
      </Group>
      {template && (
        // Keyed by what is saved: switching kind or saving elsewhere starts a fresh draft.
        <TemplateEditor
          key={`${template.kind}-${template.channel}-${template.subject ?? ''}-${template.body}`}
          template={template}
        />
      )}
    </Stack>
  );
}
