// The first two steps: which service, then who (or anyone).
import type { PublicService } from './api.js';
import { useWidget } from './context.js';
import { formatMoney } from './format.js';
import { fill } from './labels.js';

export function ServiceList(props: {
  services: PublicService[];
  onPick: (service: PublicService) => void;
}) {
  const { labels, locale } = useWidget();
  // Name and price on one line, the rest under them across the row: a grid, so every row's
  // columns line up whatever the name's length, at 390 px as on a desktop.
  return (
    <ul class="list" data-testid="services">
      {props.services.map((s) => (
        <li key={s.id}>
          <button
            type="button"
            data-testid="service"
            data-service-id={s.id}
            class="svc"
            onClick={() => props.onPick(s)}
          >
            <strong class="svc-name" data-testid="service-name">
              {s.name}
            </strong>
            <span class="svc-price" data-testid="service-price">
              {formatMoney(s.price, locale)}
            </span>
            <span class="muted svc-more">
              {s.duration_minutes} min
              {s.deposit ? (
                <>
                  {' · '}
                  <span data-testid="service-deposit">
                    {fill(labels.deposit, { amount: formatMoney(s.deposit, locale) })}
                  </span>
                </>
              ) : null}
            </span>
            {s.description ? (
              <span class="muted svc-more" data-testid="service-description">
                {s.description}
              </span>
            ) : null}
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
