/**
 * The value stored under `key`, made by `make` when there is none; the cache keeps the `size`
 * most recently used keys and forgets the rest. The search page keeps its latest searches this
 * way: the index does not change while the page is open, so a query typed again shows the same
 * results without searching again.
 */
export function recall<K, V>(cache: Map<K, V>, key: K, make: () => V, size: number): V {
  let value: V;
  if (cache.has(key)) {
    value = cache.get(key)!;
    cache.delete(key);
  } else {
    value = make();
  }
  cache.set(key, value);
  for (const oldest of cache.keys()) {
    if (cache.size <= size) break;
    cache.delete(oldest);
  }
  return value;
}
