// A closed-loop HTTP load: `concurrency` keep-alive connections each send the next request as
// soon as the last answer arrives, for `durationMs`. Requests/s is what the server sustained on
// loopback.
//
// autocannon rather than fetch: on a 2-core machine the load generator shares the CPU with the
// server, and Node's fetch spent about as much CPU per request (1.5 ms) as the server did to
// answer a booking, so the figure measured the client. autocannon's HTTP/1.1 client costs a
// small fraction of that.
import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  requests: number;
  statuses: Map<number, number>;
}

export interface LoadRequest {
  /** Path and query on the server, e.g. /api/availability?… */
  path: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

export async function load(
  base: string,
  next: (i: number) => LoadRequest,
  options: { concurrency: number; durationMs: number },
): Promise<LoadResult> {
  let issued = 0;
  const result = await autocannon({
    url: base,
    connections: options.concurrency,
    duration: options.durationMs / 1000,
    requests: [
      {
        // Called for every request: each one may differ (distinct slots for bookings).
        setupRequest: (request) => {
          const { path, method = 'GET', headers = {}, body } = next(issued++);
          return { ...request, path, method, headers, ...(body === undefined ? {} : { body }) };
        },
      },
    ],
  });
  const statuses = new Map<number, number>();
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) {
    statuses.set(Number(code), stat.count ?? 0);
  }
  const requests = [...statuses.values()].reduce((sum, n) => sum + n, 0);
  return { requestsPerSecond: requests / result.duration, requests, statuses };
}
