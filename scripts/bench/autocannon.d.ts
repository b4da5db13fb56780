/**
 * The part of autocannon 9 the benchmark uses (the package ships no types).
 * See node_modules/autocannon/README.md, "autocannon(opts[, cb])" and the result object.
 */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  export type Options = {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    /** Worker threads that fire the requests; the connections are divided over them. */
    workers?: number;
    method?: 'GET' | 'POST';
    headers?: Record<string, string>;
    title?: string;
    /** Seconds before a request counts as a timeout. */
    timeout?: number;
  };

  /** Percentiles of a histogram: p50, p97_5, p99 and the others autocannon reports. */
  export type Histogram = {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p2_5: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
    p99_9: number;
  };

  export type Result = {
    title?: string;
    url: string;
    connections: number;
    /** Seconds. */
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
    '3xx': number;
    '4xx': number;
    '5xx': number;
    statusCodeStats: Record<string, { count: number }>;
    /** Milliseconds. */
    latency: Histogram & { totalCount: number };
    /** Per second (per sample of one second). */
    requests: Histogram & { sent: number };
    /** Bytes per second. */
    throughput: Histogram;
  };

  export type Instance = EventEmitter & { stop(): void };

  function autocannon(options: Options, callback: (error: Error | null, result: Result) => void): Instance;
  export default autocannon;
}
