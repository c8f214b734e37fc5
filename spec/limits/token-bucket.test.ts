import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../src/limits/token-bucket.ts';
import { seeded } from '../support/property.ts';

const minute = 60_000;

describe('TokenBucket', () => {
  it('starts full, holding one minute of its rate', () => {
    const bucket = new TokenBucket(600);
    expect(bucket.level(1_000)).toBe(600);
    expect(bucket.timeUntil(600, 1_000)).toBe(0);
  });

  it('refills continuously, not at the top of each minute', () => {
    const bucket = new TokenBucket(600);
    bucket.take(600, 0);
    expect(bucket.level(minute / 4)).toBeCloseTo(150);
    expect(bucket.level(minute / 2)).toBeCloseTo(300);
    expect(bucket.timeUntil(60, 0)).toBe(6_000);
  });

  it('never holds more than its capacity, however long it stays idle', () => {
    const bucket = new TokenBucket(600, { capacity: 100 });
    bucket.take(50, 0);
    expect(bucket.level(10 * minute)).toBe(100);
  });

  it('lets a request larger than the bucket in once the bucket is full, and its debt delays the next one', () => {
    const bucket = new TokenBucket(600);
    bucket.take(100, 0);
    expect(bucket.timeUntil(900, 0)).toBe(10_000);
    bucket.take(900, 10_000);
    expect(bucket.level(10_000)).toBeCloseTo(-300);
    // Back to 1 token: 301 tokens of refill at 10 a second.
    expect(bucket.timeUntil(1, 10_000)).toBe(30_100);
  });

  it('charges a correction above the estimate as debt, and gives back one below it up to the capacity', () => {
    const bucket = new TokenBucket(600);
    bucket.take(600, 0);
    bucket.adjust(300, 0);
    expect(bucket.level(0)).toBe(-300);
    bucket.adjust(-5_000, 0);
    expect(bucket.level(0)).toBe(600);
  });

  it('refills nothing when the clock steps back', () => {
    const bucket = new TokenBucket(600);
    bucket.take(600, 10_000);
    expect(bucket.level(5_000)).toBe(0);
    expect(bucket.level(16_000)).toBeCloseTo(60);
  });

  it('rejects bad sizes with the value it got', () => {
    expect(() => new TokenBucket(0)).toThrow('Expected `perMinute` to be a finite number > 0, got 0');
    expect(() => new TokenBucket(10, { capacity: Number.NaN })).toThrow('got NaN');
    expect(() => new TokenBucket(10).take(-1, 0)).toThrow('Expected `amount` to be a finite number >= 0, got -1');
    expect(() => new TokenBucket(10).adjust(Infinity, 0)).toThrow('got Infinity');
  });

  it('says a wait after which the amount fits, and not a millisecond more than needed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1.5, noNaN: true }), (perMinute, used, ask) => {
        const bucket = new TokenBucket(perMinute);
        bucket.take(used * perMinute, 0);
        const amount = ask * perMinute;
        const wait = bucket.timeUntil(amount, 0);
        expect(bucket.timeUntil(amount, wait)).toBe(0);
        if (wait > 0) expect(bucket.timeUntil(amount, wait - 1)).toBeGreaterThan(0);
      }),
      seeded(300),
    );
  });
});
