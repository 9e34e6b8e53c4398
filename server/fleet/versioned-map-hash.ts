// The versioned map's bucket hash: 32-bit FNV-1a over UTF-16 code units. Keys are `namespace/name` strings that
// share long prefixes (ns-001/svc-0001-…), which FNV-1a spreads well, and it needs no allocation.
export function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
