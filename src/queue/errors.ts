/**
 * A misuse of the queue by its caller (a bad id, an invalid task handed to `enqueue`, a
 * claim used after it was settled): a bug, so it is thrown. Bad files on disk never throw;
 * they are quarantined.
 */
export class QueueError extends Error {
  override readonly name = 'QueueError';
}
