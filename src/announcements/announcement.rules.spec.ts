import { announcementOf, sendAllowance } from './announcement.rules.js';

describe('announcementOf', () => {
  it('announces a window scheduled with announce on, and not one without', () => {
    expect(announcementOf({ type: 'scheduled', details: { new: { announce: true } } }, true)).toBe(
      'PUBLISH',
    );
    expect(
      announcementOf({ type: 'scheduled', details: { new: { announce: false } } }, false),
    ).toBeNull();
  });

  it('announces a moved start by the flag it carries, else by the window', () => {
    const moved = { type: 'rescheduled', details: { new: { startsAt: 'x' } } };
    expect(announcementOf(moved, true)).toBe('PUBLISH');
    expect(announcementOf(moved, false)).toBeNull();
    expect(
      announcementOf(
        { type: 'rescheduled', details: { old: { announce: true }, new: { announce: false } } },
        true,
      ),
    ).toBeNull();
  });

  it('announces a scheduled window once announce is switched on, not on other edits', () => {
    expect(
      announcementOf(
        { type: 'message-changed', details: { old: { announce: false }, new: { announce: true } } },
        true,
      ),
    ).toBe('PUBLISH');
    expect(
      announcementOf(
        { type: 'message-changed', details: { old: { message: 'a' }, new: { message: 'b' } } },
        true,
      ),
    ).toBeNull();
  });

  it('cancels an announced window turned off before its start only', () => {
    const off = (state: string, announce: boolean) => ({
      type: 'turned-off',
      details: { old: { state, announce } },
    });
    expect(announcementOf(off('scheduled', true), true)).toBe('CANCEL');
    expect(announcementOf(off('active', true), true)).toBeNull();
    expect(announcementOf(off('scheduled', false), false)).toBeNull();
  });

  it('never announces the start of downtime or malformed details', () => {
    expect(announcementOf({ type: 'downtime-started', details: {} }, true)).toBeNull();
    expect(announcementOf({ type: 'scheduled', details: { new: 'x' } }, true)).toBeNull();
  });
});

describe('sendAllowance', () => {
  it('is the batch size within what the per-minute limit leaves, never negative', () => {
    expect(sendAllowance(100, 0, 20)).toBe(20);
    expect(sendAllowance(100, 90, 20)).toBe(10);
    expect(sendAllowance(100, 100, 20)).toBe(0);
    expect(sendAllowance(100, 130, 20)).toBe(0);
  });
});
