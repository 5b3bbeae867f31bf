// The first two steps: which service, then who (or anyone).
import type { PublicService } from './api.js';
import { useWidget } from './context.js';
import { formatMoney } from './format.js';

export function ServiceList(props: {
  services: PublicService[];
  onPick: (service: PublicService) => void;
}) {
  const { locale } = useWidget();
  return (
    <ul class="list" data-testid="services">
      {props.services.map((s) => (
        <li key={s.id}>
          <button
            type="button"
            data-testid="service"
            data-service-id={s.id}
            onClick={() => props.onPick(s)}
          >
            <span>{s.name}</span>
            <span class="muted">
              {s.duration_minutes} min · {formatMoney(s.price, locale)}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

export function StaffList(props: {
  service: PublicService;
  onPick: (staffId: string | undefined) => void;
}) {
  const { labels } = useWidget();
  const people = props.service.staff ?? props.service.staff_ids.map((id) => ({ id, name: id }));
  return (
    <ul class="list" data-testid="staff-list">
      <li>
        <button
          type="button"
          data-testid="staff"
          data-staff-id=""
          onClick={() => props.onPick(undefined)}
        >
          {labels.anyone}
        </button>
      </li>
      {people.map((p) => (
        <li key={p.id}>
          <button
            type="button"
            data-testid="staff"
            data-staff-id={p.id}
            onClick={() => props.onPick(p.id)}
          >
            {p.name}
          </button>
        </li>
      ))}
    </ul>
  );
}
