// A pure function's answers kept by key, for work repeated with the same inputs: formatting the
// same instant or label many times over. With a `limit`, the memory is emptied when it fills, for
// keys that come from outside (a visitor's language) and could otherwise grow it without end.

export function remembered<K, V>(
  compute: (key: K) => V,
  limit = Number.POSITIVE_INFINITY,
): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    if (known.has(key)) return known.get(key) as V;
    const value = compute(key);
    if (known.size >= limit) known.clear();
    known.set(key, value);
    return value;
  };
}
