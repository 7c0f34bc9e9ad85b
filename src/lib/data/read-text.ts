import { yieldToPage } from './steps';

/** Text gathered into one piece: large enough to cost little per piece. */
const PIECE = 2 << 20;

/**
 * A Blob's text as pieces, read and decoded as a stream: `Blob.text()` on a large file decodes
 * it in one main-thread task (half a second for 170 MB), and even joining pieces into one
 * string copies it all in one go. The pieces are cut anywhere: DialogueReader (PapaParse) reads
 * records across them. UTF-8; a BOM is dropped.
 */
export async function readTextPieces(blob: Blob, pause: () => Promise<void> = yieldToPage): Promise<string[]> {
  if (blob.size <= PIECE) return [stripBom(await blob.text())];
  const reader = blob.stream().getReader();
  const decoder = new TextDecoder('utf-8');
  const pieces: string[] = [];
  let gathered: string[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
    gathered.push(text);
    size += text.length;
    if (size >= PIECE || done) {
      const piece = gathered.join('');
      if (piece !== '') pieces.push(pieces.length === 0 ? stripBom(piece) : piece);
      gathered = [];
      size = 0;
      await pause();
    }
    if (done) break;
  }
  return pieces;
}

const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
