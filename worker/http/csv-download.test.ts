import { describe, expect, it } from 'vitest';
import { batchesOf, csvStream, type CsvBatch } from './csv-download.ts';

describe('a CSV export as it streams', () => {
  it('should send the header, then each batch as it is pulled, until the last one', async () => {
    const batches: CsvBatch[] = [
      { records: [['=1', 2]], more: true },
      { records: [], more: true },
      { records: [['a,b', null]], more: false },
    ];
    let read = 0;
    const text = await new Response(csvStream(['x', 'y'], async () => batches[read++] ?? { records: [], more: false })).text();
    expect(text).toBe(`x,y\r\n'=1,2\r\n"a,b",\r\n`);
    expect(read).toBe(3);
  });

  it('should cut records in memory into batches of a given size, an empty list into one empty batch', async () => {
    const text = await new Response(csvStream(['n'], batchesOf([1, 2, 3, 4, 5], 2, (n) => [n * 10]))).text();
    expect(text).toBe('n\r\n10\r\n20\r\n30\r\n40\r\n50\r\n');
    const next = batchesOf([1, 2, 3], 2, (n) => [n]);
    expect([next(), next()]).toEqual([{ records: [[1], [2]], more: true }, { records: [[3]], more: false }]);
    expect(await new Response(csvStream(['n'], batchesOf([], 2, (n: number) => [n]))).text()).toBe('n\r\n');
  });
});
