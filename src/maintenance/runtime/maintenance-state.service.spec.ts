import type { ResolvedMaintenanceOptions } from '../maintenance.options.js';
import { InProcessNotifier } from '../persistence/maintenance.notifier.js';
import { encodeSnapshotMessage } from '../persistence/maintenance.snapshot-message.js';
import {
  MaintenanceStorage,
  type MaintenanceWindowRecord,
} from '../persistence/maintenance.storage.js';
import { MaintenanceStateService } from './maintenance-state.service.js';

/** A storage whose latest window the test sets, counting the reads; nothing else is used here. */
class LatestOnlyStorage extends MaintenanceStorage {
  reads = 0;
  constructor(public record: MaintenanceWindowRecord | null) {
    super();
  }
  latest(): Promise<MaintenanceWindowRecord | null> {
    this.reads++;
    return Promise.resolve(this.record);
  }
  open = unused;
  change = unused;
  recordDowntimeStarted = unused;
  events = unused;
  readForFence = unused;
  acknowledge = unused;
  isAcknowledged = unused;
  countAcknowledged = unused;
  addRefusals = unused;
  refusals = unused;
}
function unused(): never {
  throw new Error('not used by the state service');
}

const NOW = new Date('2030-06-01T10:00:00Z');
const options = { clock: { now: () => NOW } } as ResolvedMaintenanceOptions;

function record(version: number, startsAt: string, turnedOff = false): MaintenanceWindowRecord {
  return {
    id: `w${version}`,
    startsAt: new Date(startsAt),
    expectedEndAt: null,
    message: 'closing',
    version,
    downtimeStartedAt: null,
    turnedOffAt: turnedOff ? NOW : null,
  } as MaintenanceWindowRecord;
}

async function instances(initial: MaintenanceWindowRecord | null) {
  const notifier = new InProcessNotifier(); // stands for one database's channel
  const storageA = new LatestOnlyStorage(initial);
  const storageB = new LatestOnlyStorage(initial);
  const a = new MaintenanceStateService(storageA, notifier, options);
  const b = new MaintenanceStateService(storageB, notifier, options);
  await a.onModuleInit();
  await b.onModuleInit();
  return { a, b, storageA, storageB, notifier };
}

describe('MaintenanceStateService propagation', () => {
  it('takes an announced change from the announcement alone, without reading the storage', async () => {
    const { a, b, storageA, storageB } = await instances(null);
    const readsBefore = storageB.reads;
    storageA.record = record(1, '2030-06-02T10:00:00Z');
    await a.changed();
    expect(b.window()?.startsAt.toISOString()).toBe('2030-06-02T10:00:00.000Z');
    expect(b.window()?.version).toBe(1);
    expect(storageB.reads).toBe(readsBefore);

    storageA.record = record(2, '2030-06-02T10:00:00Z', true);
    await a.changed();
    expect(b.window()).toBeNull();
    expect(storageB.reads).toBe(readsBefore);
  });

  it('tells its listeners once per real change', async () => {
    const { a, b, storageA } = await instances(null);
    const seen: Array<string | null> = [];
    b.subscribe((window) => seen.push(window?.startsAt.toISOString() ?? null));
    storageA.record = record(1, '2030-06-02T10:00:00Z');
    await a.changed();
    await a.changed();
    expect(seen).toEqual(['2030-06-02T10:00:00.000Z']);
  });

  it('never lets an older state overwrite a newer one, whichever arrives last', async () => {
    const { b, storageB, notifier } = await instances(record(5, '2030-06-03T10:00:00Z'));
    await notifier.announce(
      encodeSnapshotMessage({ version: 4, window: { ...record(4, '2030-06-02T10:00:00Z') } }),
    );
    expect(b.window()?.version).toBe(5);
    storageB.record = record(3, '2030-06-01T12:00:00Z'); // a slow read of an older state
    await b.refresh();
    expect(b.window()?.version).toBe(5);
    // ...while the same version read again is taken (the downtime start changes no version).
    storageB.record = { ...record(5, '2030-06-03T10:00:00Z'), downtimeStartedAt: NOW };
    await b.refresh();
    expect(b.window()?.downtimeStartedAt).toEqual(NOW);
  });

  it('reads the storage when an announcement carries no state (too large, or after a reconnect)', async () => {
    const { b, storageB, notifier } = await instances(null);
    storageB.record = record(1, '2030-06-02T10:00:00Z');
    const readsBefore = storageB.reads;
    await notifier.announce('');
    await b.refresh(); // waits for the read the empty announcement queued
    expect(storageB.reads).toBeGreaterThan(readsBefore);
    expect(b.window()?.version).toBe(1);
  });

  it('records when the storage was last read, not when an announcement came', async () => {
    const { a, b, storageA } = await instances(null);
    const confirmed = b.confirmedAt();
    expect(confirmed).toEqual(NOW);
    storageA.record = record(1, '2030-06-02T10:00:00Z');
    await a.changed();
    expect(b.confirmedAt()).toBe(confirmed);
  });
});
