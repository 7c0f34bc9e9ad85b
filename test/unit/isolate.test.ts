import { describe, expect, it } from 'vitest';
import { isolate } from '../../src/lib/data/isolate';

describe('isolate', () => {
  it('sets a right-to-left name apart (FSI … PDI), and leaves one the app’s words already read in order as it is', () => {
    expect(isolate('اسلام آباد')).toBe('\u2068اسلام آباد\u2069');
    expect(isolate('Pakistan–افغانستان Joint Coordination Committee')).toBe(
      '\u2068Pakistan–افغانستان Joint Coordination Committee\u2069',
    );
    expect(isolate('שלום')).toBe('\u2068שלום\u2069');
    expect(isolate('United States')).toBe('United States');
    expect(isolate('中国')).toBe('中国');
    expect(isolate('Union européenne')).toBe('Union européenne');
  });
});
