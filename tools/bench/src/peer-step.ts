import { Engine } from 'bpmn-engine';
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { ROUTES, type RouteId } from './routes';

export interface PeerRun {
  readonly route: RouteId;
  readonly concurrency: number;
  readonly instances: number;
  readonly instancesPerSec: number;
}

/** What we use of moddle-context-serializer and bpmn-moddle 9, both bpmn-engine's own dependencies. */
interface Serializer {
  default(moddleContext: unknown, typeResolver: unknown): unknown;
  TypeResolver(elements: unknown): unknown;
}
type BpmnModdleClass = new () => { fromXML(source: string): Promise<unknown> };

// Resolved from bpmn-engine's own location: the parser and serializer it uses itself.
const engineRequire = createRequire(require.resolve('bpmn-engine'));

/**
 * bpmn-engine (paed01), in memory and persisting nothing, run the fastest documented way: each
 * route is parsed and serialized once (`sourceContext`, as moddle-context-serializer makes it),
 * service tasks call a service that completes synchronously, and the user task is signalled the
 * moment it waits, its output handed to the gateway through the environment (docs/Examples.md).
 */
export async function runPeer(routeId: RouteId, concurrency: number, durationMs: number): Promise<PeerRun> {
  const sourceContext = await serialize(ROUTES[routeId].peerSource);
  const runOne = (): Promise<string[]> => runInstance(sourceContext);
  // Warm-up, and a check that the peer takes the path ours does (route B: approved).
  const ends = await runOne();
  const expected = routeId === 'B' ? 'granted' : 'end';
  if (ends.join() !== expected) throw new Error(`bpmn-engine ended route ${routeId} at ${ends.join() || 'no end event'}, not at ${expected}.`);
  for (let index = 0; index < 50; index++) await runOne();
  let instances = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() - began < durationMs) {
        await runOne();
        instances++;
      }
    }),
  );
  const seconds = (performance.now() - began) / 1000;
  return { route: routeId, concurrency, instances, instancesPerSec: instances / seconds };
}

async function serialize(source: string): Promise<unknown> {
  const serializer = engineRequire('moddle-context-serializer') as Serializer;
  const elements: unknown = engineRequire('bpmn-elements');
  const moddle = engineRequire('bpmn-moddle') as BpmnModdleClass | { default: BpmnModdleClass };
  const BpmnModdle = 'default' in moddle ? moddle.default : moddle;
  const moddleContext = await new BpmnModdle().fromXML(source);
  return serializer.default(moddleContext, serializer.TypeResolver(elements));
}

interface ElementApi {
  readonly id: string;
  readonly type: string;
  readonly content: { readonly output?: unknown };
  readonly environment: { readonly output: Record<string, unknown> };
  signal(message?: unknown): void;
}

const services = { work: (_scope: unknown, callback: (error: Error | null, output?: unknown) => void): void => callback(null, {}) };

/** Runs one instance to its end; returns the end events it reached. */
async function runInstance(sourceContext: unknown): Promise<string[]> {
  const ends: string[] = [];
  const listener = new EventEmitter();
  listener.on('wait', (api: ElementApi) => api.signal({ approved: true }));
  listener.on('activity.end', (api: ElementApi) => {
    if (api.content.output) api.environment.output[api.id] = api.content.output;
    if (api.type === 'bpmn:EndEvent') ends.push(api.id);
  });
  const engine = new Engine({ name: 'peer', sourceContext: sourceContext as never, services });
  const ended = new Promise<void>((resolve, reject) => {
    engine.once('end', () => resolve());
    engine.once('error', (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))));
  });
  await engine.execute({ listener });
  await ended;
  return ends;
}
