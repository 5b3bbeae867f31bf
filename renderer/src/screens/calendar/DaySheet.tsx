// The printable day sheet: the day's appointments per staff member with customer, phone, service
// and note. Hidden on screen; the print stylesheet shows it alone (see calendar.css).
import { createPortal } from 'react-dom';
import { formatDay, formatTime } from '../../time/zone.js';
import { usePhoneFormat } from '../../ui/phone.js';
import type { DayData } from './useDayData.js';
import { statusLabels } from './layout.js';

export function DaySheet({ date, zone, day }: { date: string; zone: string; day: DayData }) {
  const formatPhone = usePhoneFormat();
  const sheet = (
    <section className="cal-print-sheet" data-testid="day-sheet" data-date={date}>
      <h1>{formatDay(date)}</h1>
      {day.staff.map((member) => {
        const own = day.appointments
          .filter((a) => a.staffId === member.id && a.status !== 'cancelled')
          .sort((a, b) => a.start - b.start);
        return (
          <div key={member.id} className="cal-print-staff" data-testid="day-sheet-staff">
            <h2>{member.name}</h2>
            {own.length === 0 ? (
              <p>No appointments.</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th>Time</th>
                    <th>Customer</th>
                    <th>Phone</th>
                    <th>Service</th>
                    <th>Status</th>
                    <th>Note</th>
                  </tr>
                </thead>
                <tbody>
                  {own.map((a) => {
                    const customer = day.customers.get(a.customerId);
                    return (
                      <tr key={a.id} data-testid="day-sheet-row" data-appointment-id={a.id}>
                        <td>
                          {formatTime(a.start, zone)}–{formatTime(a.end, zone)}
                        </td>
                        <td>{customer?.name ?? ''}</td>
                        <td>{formatPhone(customer?.phone)}</td>
                        <td>{day.services.get(a.serviceId)?.name ?? ''}</td>
                        <td>{statusLabels[a.status]}</td>
                        <td>{a.note}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </div>
        );
      })}
    </section>
  );
  return createPortal(sheet, document.body);
}
