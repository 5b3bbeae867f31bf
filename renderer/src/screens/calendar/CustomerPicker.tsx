// Who the booking is for: find a customer as you type, or enter a new one.
import {
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { Customer } from '../../../../preload/contract/index.js';
import { useChannel } from '../../client/queries.js';
import { useContactLine } from '../../ui/phone.js';

export interface NewCustomer {
  name: string;
  phone: string;
  email: string;
  /** Appointment texts and emails: service messages, so on unless the customer says no. */
  messages: boolean;
}

export type CustomerChoice =
  | { mode: 'existing'; search: string; customer: Customer | null }
  | { mode: 'new'; search: string; customer: Customer | null; details: NewCustomer };

export interface CustomerPickerProps {
  value: CustomerChoice;
  onChange: (value: CustomerChoice) => void;
  /** Field errors from the core, keyed as the contract names them (customer.name, …). */
  errors: Record<string, string>;
}

const emptyDetails: NewCustomer = { name: '', phone: '', email: '', messages: true };

function SearchResults({ search, onPick }: { search: string; onPick: (c: Customer) => void }) {
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const results = useChannel(
    'customers.list',
    { search: debounced, limit: 6 },
    { enabled: debounced.length > 0 },
  );
  const contactLine = useContactLine();
  if (debounced.length === 0) return null;
  const found = results.data?.customers ?? [];
  return (
    <Stack
      gap={2}
      role="listbox"
      aria-label="Matching customers"
      data-testid="customer-results"
      data-search={debounced}
      data-ready={!results.isPending}
    >
      {results.isPending && (
        <Text size="sm" c="dimmed">
          Searching…
        </Text>
      )}
      {!results.isPending && found.length === 0 && (
        <Text size="sm" c="dimmed">
          Nobody matches “{debounced}”. Choose “New customer” to add them.
        </Text>
      )}
      {found.map((c) => (
        <UnstyledButton
          key={c.id}
          role="option"
          aria-selected={false}
          data-testid="customer-result"
          data-customer-id={c.id}
          onClick={() => onPick(c)}
          px="xs"
          py={4}
          style={{ borderRadius: 4 }}
          className="customer-result"
        >
          <Text size="sm" fw={600}>
            {c.name}
          </Text>
          <Text size="xs" c="dimmed">
            {contactLine(c, 'no contact details')}
          </Text>
        </UnstyledButton>
      ))}
    </Stack>
  );
}

export function CustomerPicker({ value, onChange, errors }: CustomerPickerProps) {
  const contactLine = useContactLine();
  const details = value.mode === 'new' ? value.details : emptyDetails;
  const setDetails = (patch: Partial<NewCustomer>) =>
    onChange({ ...value, mode: 'new', details: { ...details, ...patch } });
  return (
    <Stack gap="xs">
      <SegmentedControl
        size="xs"
        data={[
          { value: 'existing', label: 'Find customer' },
          { value: 'new', label: 'New customer' },
        ]}
        value={value.mode}
        onChange={(mode) =>
          onChange(
            mode === 'new'
              ? { ...value, mode: 'new', details }
              : { mode: 'existing', search: value.search, customer: value.customer },
          )
        }
        data-testid="customer-mode"
      />
      {value.mode === 'existing' &&
        (value.customer ? (
          <Paper
            withBorder
            p="xs"
            data-testid="chosen-customer"
            data-customer-id={value.customer.id}
          >
            <Group justify="space-between" wrap="nowrap">
              <div>
                <Text size="sm" fw={600}>
                  {value.customer.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {contactLine(value.customer, 'no contact details')}
                </Text>
              </div>
              <Button
                size="xs"
                variant="subtle"
                onClick={() => onChange({ ...value, customer: null })}
              >
                Change
              </Button>
            </Group>
          </Paper>
        ) : (
          <>
            <TextInput
              label="Customer"
              placeholder="Name, phone or email"
              value={value.search}
              onChange={(e) => onChange({ ...value, search: e.currentTarget.value })}
              error={errors.customer ?? errors.customerId}
              data-testid="customer-search"
              autoComplete="off"
            />
            <SearchResults
              search={value.search}
              onPick={(c) => onChange({ ...value, customer: c })}
            />
          </>
        ))}
      {value.mode === 'new' && (
        <>
          <TextInput
            label="Name"
            required
            value={details.name}
            onChange={(e) => setDetails({ name: e.currentTarget.value })}
            error={errors['customer.name'] ?? errors.customer}
            data-testid="new-customer-name"
          />
          <Group grow>
            <TextInput
              label="Phone"
              value={details.phone}
              onChange={(e) => setDetails({ phone: e.currentTarget.value })}
              error={errors['customer.phone']}
              data-testid="new-customer-phone"
            />
            <TextInput
              label="Email"
              value={details.email}
              onChange={(e) => setDetails({ email: e.currentTarget.value })}
              error={errors['customer.email']}
              data-testid="new-customer-email"
            />
          </Group>
          <Checkbox
            label="Send appointment texts / emails"
            checked={details.messages}
            onChange={(e) => setDetails({ messages: e.currentTarget.checked })}
            data-testid="new-customer-messages"
          />
        </>
      )}
    </Stack>
  );
}
