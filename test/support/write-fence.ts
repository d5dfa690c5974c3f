import type { TestingModuleBuilder } from '@nestjs/testing';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../../src/auth/principal.js';
import { WriteFence } from '../../src/database/transactions.js';
import { LockoutWriteFence } from '../../src/lockout/lockout.write-fence.js';
import { MaintenanceWriteFence } from '../../src/maintenance/index.js';

/**
 * The app's write fence with a hold in front: the next fenced write waits just before its commit,
 * until released, then meets the real fence. Put in through the testing module, not the app's code.
 */
export class HoldingFence extends WriteFence {
  private hold?: { reached: () => void; release: Promise<void> };
  private fence?: WriteFence;

  /** Puts this fence, in front of the real one, into the app under test (`useTestApp({ override })`). */
  readonly override = (builder: TestingModuleBuilder): TestingModuleBuilder =>
    builder.overrideProvider(WriteFence).useFactory({
      inject: [MaintenanceWriteFence],
      factory: (real: MaintenanceWriteFence) => {
        this.fence = new LockoutWriteFence(real);
        return this;
      },
    });

  /** Arms the hold; resolves `reached` when a write is held, and lets it go on `release()`. */
  arm(): { reached: Promise<void>; release: () => void } {
    let reached!: () => void;
    let release!: () => void;
    const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
    const releasePromise = new Promise<void>((resolve) => (release = resolve));
    this.hold = { reached, release: releasePromise };
    return { reached: reachedPromise, release };
  }

  async check(manager: EntityManager, actor: Principal): Promise<void> {
    const hold = this.hold;
    if (hold) {
      this.hold = undefined;
      hold.reached();
      await hold.release;
    }
    await this.fence!.check(manager, actor);
  }

  refusalAtCommit(error: unknown): unknown {
    return this.fence!.refusalAtCommit(error);
  }
}
