// Owns joining many small output pieces into chunks of bounded size, so huge outputs never form one string.

const CHUNK = 1 << 20;

export function* batched(pieces: Iterable<string>): Generator<string> {
  let buf: string[] = [];
  let size = 0;
  for (const p of pieces) {
    buf.push(p);
    size += p.length;
    if (size >= CHUNK) {
      yield buf.join('');
      buf = [];
      size = 0;
    }
  }
  if (buf.length > 0) yield buf.join('');
}
