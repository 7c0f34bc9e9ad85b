import { detectDelimiter, RecordSplitter } from './csv-scan';
import { yieldToPage } from './steps';

/** Text gathered before it is cut into records: large enough to cost little per piece. */
const PIECE = 2 << 20;

/**
 * A CSV Blob's text as pieces of whole records, read and decoded as a stream: `Blob.text()` on
 * a large file decodes it in one main-thread task (half a second for 170 MB), and even joining
 * pieces into one string copies it all in one go. DialogueReader reads the pieces in turn.
 * UTF-8; a BOM is dropped.
 */
export async function readCsvPieces(blob: Blob, pause: () => Promise<void> = yieldToPage): Promise<string[]> {
  if (blob.size <= PIECE) return [stripBom(await blob.text())];
  const reader = blob.stream().getReader();
  const decoder = new TextDecoder('utf-8');
  const pieces: string[] = [];
  let gathered: string[] = [];
  let size = 0;
  let splitter: RecordSplitter | null = null;
  const cut = () => {
    const text = gathered.join('');
    gathered = [];
    size = 0;
    splitter ??= new RecordSplitter(detectDelimiter(text));
    const whole = splitter.push(pieces.length === 0 ? stripBom(text) : text);
    if (whole !== '') pieces.push(whole);
  };
  for (;;) {
    const { done, value } = await reader.read();
    const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
    gathered.push(text);
    size += text.length;
    if (size >= PIECE || done) {
      cut();
      await pause();
    }
    if (done) break;
  }
  const rest = splitter ? (splitter as RecordSplitter).end() : '';
  if (rest !== '') pieces.push(rest);
  return pieces;
}

const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
