import { readFileSync } from 'node:fs';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';

/** What one step cost the machine, measured in the bench process itself. */
export interface ResourceUsage {
  /** Highest `process.memoryUsage().rss` seen, sampled every 50 ms, in MB. */
  readonly peakRssMb: number;
  /** CPU time of this process (the engine) per wall-clock second, in % of one core. */
  readonly processCpuPct: number;
  /** Busy time of the whole machine (this process, PostgreSQL, the rest) in % of all cores; NaN off Linux. */
  readonly machineBusyPct: number;
  /** Share of the machine's time spent waiting for I/O (fsync), in % of all cores; NaN off Linux. */
  readonly machineIowaitPct: number;
  /** Event-loop utilization of this process (0..1): near 1 means the engine process is the bottleneck. */
  readonly eventLoopUtilization: number;
}

const MB = 1024 * 1024;

/** Samples RSS while a step runs and takes CPU and event-loop figures over it. */
export class ResourceSampler {
  private peakRss = process.memoryUsage().rss;
  private readonly timer: NodeJS.Timeout;
  private readonly startedAt = performance.now();
  private readonly cpuAtStart = process.cpuUsage();
  private readonly machineAtStart = readMachineTimes();
  private readonly eluAtStart: EventLoopUtilization = performance.eventLoopUtilization();

  constructor(intervalMs = 50) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  sample(): void {
    this.peakRss = Math.max(this.peakRss, process.memoryUsage().rss);
  }

  stop(): ResourceUsage {
    clearInterval(this.timer);
    this.sample();
    const wallMs = performance.now() - this.startedAt;
    const cpu = process.cpuUsage(this.cpuAtStart);
    const machineAtEnd = readMachineTimes();
    const machine = this.machineAtStart && machineAtEnd ? diffMachine(this.machineAtStart, machineAtEnd) : undefined;
    return {
      peakRssMb: this.peakRss / MB,
      processCpuPct: ((cpu.user + cpu.system) / 1000 / wallMs) * 100,
      machineBusyPct: machine ? (machine.busy / machine.total) * 100 : Number.NaN,
      machineIowaitPct: machine ? (machine.iowait / machine.total) * 100 : Number.NaN,
      eventLoopUtilization: performance.eventLoopUtilization(this.eluAtStart).utilization,
    };
  }
}

/** RSS and V8 heap in use after two full collections (when node runs with --expose-gc). */
export function settledMemory(): { rssMb: number; heapUsedMb: number; gcForced: boolean } {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const usage = process.memoryUsage();
  return { rssMb: usage.rss / MB, heapUsedMb: usage.heapUsed / MB, gcForced: gc !== undefined };
}

interface MachineTimes {
  readonly total: number;
  readonly idle: number;
  readonly iowait: number;
}

/** The first line of /proc/stat: jiffies of all cores by state. */
function readMachineTimes(): MachineTimes | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = fields;
    return { total: user + nice + system + idle + iowait + irq + softirq + steal, idle, iowait };
  } catch {
    return undefined;
  }
}

function diffMachine(start: MachineTimes, end: MachineTimes): { total: number; busy: number; iowait: number } {
  const total = end.total - start.total || 1;
  const idle = end.idle - start.idle;
  const iowait = end.iowait - start.iowait;
  return { total, busy: total - idle - iowait, iowait };
}
