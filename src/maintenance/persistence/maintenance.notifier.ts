import { Logger } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { DataSource } from 'typeorm';
import { loadOptionalPeer } from './optional-peer.js';

/** Tells the other app instances that the maintenance window changed, and hears them do so. */
export abstract class MaintenanceChangeNotifier {
  /** Announces a committed change; `payload` describes it (empty: listeners re-read). */
  abstract announce(payload: string): Promise<void>;
  /**
   * Starts listening. `onChange` gets each announcement's payload, and an empty one after a lost
   * connection is back (changes may have been missed).
   */
  abstract listen(onChange: (payload: string) => void): Promise<void>;
  abstract close(): Promise<void>;
}

/** SQLite runs one instance: an in-process event is enough. */
export class InProcessNotifier extends MaintenanceChangeNotifier {
  private readonly events = new EventEmitter();

  announce(payload: string): Promise<void> {
    this.events.emit('change', payload);
    return Promise.resolve();
  }

  listen(onChange: (payload: string) => void): Promise<void> {
    this.events.on('change', onChange);
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.events.removeAllListeners();
    return Promise.resolve();
  }
}

/** The part of pg's Client the listener uses (pg is an optional peer: its types are not needed). */
export interface ListenerClient {
  connect(): Promise<unknown>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
  on(
    event: 'notification',
    listener: (message: { channel: string; payload?: string }) => void,
  ): this;
  on(event: 'error' | 'end', listener: () => void): this;
}

/** Opens a new pg Client (not connected yet). */
export type ListenerClientFactory = (options: {
  connectionString: string;
  application_name: string;
}) => ListenerClient;

/**
 * PostgreSQL LISTEN/NOTIFY on a dedicated connection (a pooled one would lose the LISTEN), reconnecting
 * with back-off after a loss. The channel includes the schema, so apps on other schemas do not cross-talk.
 */
export class PostgresNotifier extends MaintenanceChangeNotifier {
  private readonly logger = new Logger('Maintenance');
  private client?: ListenerClient;
  private onChange?: (payload: string) => void;
  private closed = false;
  private retryDelayMs = PostgresNotifier.MIN_RETRY_MS;
  private retryTimer?: NodeJS.Timeout;
  private static readonly MIN_RETRY_MS = 200;
  private static readonly MAX_RETRY_MS = 5000;

  readonly channel: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly connectionString: string,
    schema: string,
    private readonly newClient: ListenerClientFactory,
  ) {
    super();
    this.channel = `maintenance_${schema}`.slice(0, 63);
  }

  async announce(payload: string): Promise<void> {
    await this.dataSource.query('SELECT pg_notify($1, $2)', [this.channel, payload]);
  }

  async listen(onChange: (payload: string) => void): Promise<void> {
    this.onChange = onChange;
    await this.connect();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = this.newClient({
      connectionString: this.connectionString,
      application_name: `maintenance-listener:${this.channel}`,
    });
    client.on('notification', (message) => {
      if (message.channel === this.channel) this.onChange?.(message.payload ?? '');
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    await client.connect();
    await client.query(`LISTEN "${this.channel}"`);
    this.client = client;
    this.retryDelayMs = PostgresNotifier.MIN_RETRY_MS;
  }

  private lost(client: ListenerClient): void {
    if (this.closed || this.client !== client) return;
    this.client = undefined;
    this.logger.warn({ event: 'maintenance.listener-lost', channel: this.channel });
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed) return;
    this.retryTimer = setTimeout(() => {
      this.connect()
        .then(() => {
          this.logger.log({ event: 'maintenance.listener-reconnected', channel: this.channel });
          this.onChange?.('');
        })
        .catch(() => {
          this.retryDelayMs = Math.min(this.retryDelayMs * 2, PostgresNotifier.MAX_RETRY_MS);
          this.scheduleReconnect();
        });
    }, this.retryDelayMs);
    this.retryTimer.unref();
  }
}

/** The notifier that fits the database behind the DataSource; pg is loaded only for PostgreSQL. */
export async function createNotifier(dataSource: DataSource): Promise<MaintenanceChangeNotifier> {
  const options = dataSource.options;
  if (options.type !== 'postgres') return new InProcessNotifier();
  if (!options.url) throw new Error('The maintenance listener needs the PostgreSQL connection URL');
  // pg is CommonJS: its exports are the namespace's default.
  const pg = await loadOptionalPeer<{
    default: { Client: new (...args: Parameters<ListenerClientFactory>) => ListenerClient };
  }>('pg', "The maintenance module's PostgreSQL notifier");
  return new PostgresNotifier(
    dataSource,
    options.url,
    options.schema ?? 'public',
    (clientOptions) => new pg.default.Client(clientOptions),
  );
}
