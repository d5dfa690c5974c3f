import type { OpenWindow } from '../rules/maintenance.state.js';
import {
  decodeSnapshotMessage,
  encodeSnapshotMessage,
  MAX_PAYLOAD_BYTES,
} from './maintenance.snapshot-message.js';

const window: OpenWindow = {
  id: '6f1c9a52-4a4b-4a8e-9d0e-0f4c2f1d8b11',
  startsAt: new Date('2030-12-31T17:00:00.000Z'),
  expectedEndAt: new Date('2030-12-31T23:00:00.000Z'),
  message: 'Jaarafsluiting — "closing" \u{1F512}',
  version: 7,
  downtimeStartedAt: null,
};

describe('snapshot message', () => {
  it('round-trips an open window, every field', () => {
    expect(decodeSnapshotMessage(encodeSnapshotMessage({ version: 7, window }))).toEqual({
      version: 7,
      window,
    });
    const started = {
      ...window,
      expectedEndAt: null,
      message: null,
      downtimeStartedAt: window.startsAt,
    };
    expect(decodeSnapshotMessage(encodeSnapshotMessage({ version: 7, window: started }))).toEqual({
      version: 7,
      window: started,
    });
  });

  it('round-trips "no open window" with the version of the latest one', () => {
    expect(decodeSnapshotMessage(encodeSnapshotMessage({ version: 8, window: null }))).toEqual({
      version: 8,
      window: null,
    });
  });

  it('sends an empty payload (listeners re-read) when it would exceed the NOTIFY limit', () => {
    const long = { ...window, message: '€'.repeat(MAX_PAYLOAD_BYTES) };
    expect(encodeSnapshotMessage({ version: 7, window: long })).toBe('');
  });

  it.each([
    ['empty', ''],
    ['undefined', undefined],
    ['the old plain payload', 'changed'],
    ['not an object', '42'],
    ['null', 'null'],
    ['no version', '{"w":null}'],
    ['negative version', '{"v":-1,"w":null}'],
    ['fractional version', '{"v":1.5,"w":null}'],
    ['no window key', '{"v":1}'],
    ['window id not a string', '{"v":1,"w":{"i":1,"s":0,"e":null,"m":null,"d":null}}'],
    ['start not a number', '{"v":1,"w":{"i":"a","s":"0","e":null,"m":null,"d":null}}'],
    ['start unsafe', '{"v":1,"w":{"i":"a","s":1e300,"e":null,"m":null,"d":null}}'],
    ['end wrong', '{"v":1,"w":{"i":"a","s":0,"e":"x","m":null,"d":null}}'],
    ['message wrong', '{"v":1,"w":{"i":"a","s":0,"e":null,"m":5,"d":null}}'],
    ['downtime start wrong', '{"v":1,"w":{"i":"a","s":0,"e":null,"m":null,"d":-3}}'],
  ])('reads %s as "re-read the database"', (_name, payload) => {
    expect(decodeSnapshotMessage(payload)).toBeNull();
  });
});
