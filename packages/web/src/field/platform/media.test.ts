import { describe, expect, it } from 'vitest';
import { fitWithin, pickAudioType } from './media';

describe('fitWithin', () => {
  it('scales the longer side down to the limit and keeps the proportions', () => {
    expect(fitWithin(4000, 3000, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3000, 4000, 1600)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(4032, 1, 1600)).toEqual({ width: 1600, height: 1 });
  });

  it('never enlarges a small picture', () => {
    expect(fitWithin(800, 600, 1600)).toEqual({ width: 800, height: 600 });
  });
});

describe('pickAudioType', () => {
  it('prefers Opus in WebM (Chrome on Android), then Ogg (Firefox), then MP4 (Safari)', () => {
    expect(pickAudioType(() => true)).toBe('audio/webm;codecs=opus');
    expect(pickAudioType((t) => t.startsWith('audio/ogg'))).toBe('audio/ogg;codecs=opus');
    expect(pickAudioType((t) => t === 'audio/mp4')).toBe('audio/mp4');
    expect(pickAudioType(() => false)).toBeUndefined();
  });
});
