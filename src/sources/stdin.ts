// Reading "-": the bytes of stdin, up to a cap.
import { SourceError } from '../errors.js';
import { formatBytes } from './url.js';

export async function readStdin(origin: string, stream: NodeJS.ReadableStream, maxBytes: number): Promise<Uint8Array> {
  if ((stream as { isTTY?: boolean }).isTTY)
    throw new SourceError(
      origin,
      'stdin is a terminal; pipe an article into it (`cat article.html | kunafoni ingest -`)',
    );
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += buf.byteLength;
    if (total > maxBytes)
      throw new SourceError(origin, `the input passed the ${formatBytes(maxBytes)} cap; stopped reading`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}
