// A closed-loop HTTP load: `concurrency` clients each send the next request as soon as the last
// answer arrives, for `durationMs`. Requests/s is what the server sustained on loopback.
export interface LoadResult {
  requestsPerSecond: number;
  requests: number;
  statuses: Map<number, number>;
}

export async function load(
  next: (i: number) => { url: string; init?: RequestInit },
  options: { concurrency: number; durationMs: number },
): Promise<LoadResult> {
  const statuses = new Map<number, number>();
  let issued = 0;
  let completed = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  const client = async () => {
    while (performance.now() < deadline) {
      const { url, init } = next(issued++);
      const response = await fetch(url, init);
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      completed++;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  return { requestsPerSecond: completed / seconds, requests: completed, statuses };
}
