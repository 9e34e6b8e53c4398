// The bounded input buffer of one watcher, as the cacher keeps one per cacheWatcher. Events are written at once
// while the socket takes them; while it pushes back they wait here as references (unserialized, shared with the
// history). A burst (a collection delete, a controller's sweep) may overfill the buffer for a moment: upstream's
// dispatcher then blocks on that watcher for a short budget before giving up on it, so a client that reads is not
// cut off by a burst. Here likewise: a watcher is closed as unresponsive only when more than WATCH_BUFFER_EVENTS
// live events wait AND its socket has not drained for `unresponsiveMs`, or at once past a hard cap. Initial events
// (the current state or the replay from a resourceVersion) never count: upstream streams those from the cache
// interval at the client's pace.

/** Live events that may wait for a watcher that does not read (the cacher's watch channels hold 10–1000). */
export const WATCH_BUFFER_EVENTS = 100;
/** How long an overfull watcher may go without its socket draining before it is closed. */
export const UNRESPONSIVE_MS = 1_000;
/** Waiting live events past which a watcher is closed at once, whatever the time (memory safety). */
const HARD_CAP = 100 * WATCH_BUFFER_EVENTS;

export interface BufferSink<T> {
  /** Writes one item; false when the socket pushes back (more items should wait for `drain`). */
  write(item: T): boolean;
  onDrain(listener: () => void): void;
  offDrain(listener: () => void): void;
  /** The watcher is unresponsive: end it. */
  terminate(): void;
}

interface Waiting<T> {
  item: T;
  initial: boolean;
}

export class WatchBuffer<T> {
  private readonly waiting: Array<Waiting<T>> = [];
  private waitingInitial = 0;
  private blockedAt: number | undefined;
  private check: NodeJS.Timeout | undefined;
  private stopped = false;
  initialPhase = false;

  constructor(private readonly sink: BufferSink<T>, private readonly unresponsiveMs = UNRESPONSIVE_MS) {}

  push(item: T): void {
    if (this.stopped) return;
    if (this.blockedAt === undefined) return this.write(item);
    this.waiting.push({ item, initial: this.initialPhase });
    if (this.initialPhase) this.waitingInitial += 1;
    else this.judge();
  }

  /** Drops what waits and stops watching the socket (the stream is ending). */
  stop(): void {
    this.stopped = true;
    this.waiting.length = 0;
    clearTimeout(this.check);
    this.sink.offDrain(this.flush);
  }

  private write(item: T): void {
    if (this.sink.write(item)) return;
    this.blockedAt = performance.now();
    this.sink.onDrain(this.flush);
  }

  private readonly flush = (): void => {
    this.blockedAt = undefined;
    clearTimeout(this.check);
    this.check = undefined;
    while (this.blockedAt === undefined && !this.stopped) {
      const next = this.waiting.shift();
      if (!next) return;
      if (next.initial) this.waitingInitial -= 1;
      this.write(next.item);
    }
  };

  /** Overfull: closed at once past the hard cap or once blocked for unresponsiveMs, else checked again then. */
  private judge(): void {
    const live = this.waiting.length - this.waitingInitial;
    if (live <= WATCH_BUFFER_EVENTS || this.blockedAt === undefined) return;
    const blockedFor = performance.now() - this.blockedAt;
    if (live > HARD_CAP || blockedFor >= this.unresponsiveMs) return this.sink.terminate();
    this.check ??= setTimeout(() => {
      this.check = undefined;
      this.judge();
    }, this.unresponsiveMs - blockedFor);
  }
}
