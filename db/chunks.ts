/** `rows` in consecutive slices of at most `size`: SQLite binds a bounded number of values per statement. */
export function chunksOf<Row>(rows: readonly Row[], size: number): Row[][] {
  const chunks: Row[][] = [];
  for (let start = 0; start < rows.length; start += size) chunks.push(rows.slice(start, start + size));
  return chunks;
}
