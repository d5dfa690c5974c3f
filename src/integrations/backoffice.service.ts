import { Transactions } from '../database/transactions.js';
import { HttpStatus, Injectable, type Type } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, type EntityManager, type Repository } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { Clock } from '../common/clock.js';
import {
  fieldProblem,
  ProblemException,
  problemType,
  validationProblem,
} from '../common/problem.js';
import { sha256 } from '../common/secrets.js';
import { createValidationPipe } from '../common/validation.js';
import { UpdateContractDto } from '../contracts/contract.dto.js';
import { ContractsService } from '../contracts/contracts.service.js';
import { UpdateDeclarationDto } from '../declarations/declaration.dto.js';
import { DeclarationsService } from '../declarations/declarations.service.js';
import { BackofficeMutation } from './backoffice-mutation.entity.js';
import type { BackofficeMutationDto, MutationResultDto } from './integrations.dto.js';

type IntegrationPrincipal = Extract<Principal, { kind: 'integration' }>;

/** Visible ASCII, as RFC 9110 tokens and UUIDs are; long enough for any client's scheme. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

export interface MutationOutcome {
  result: MutationResultDto;
  /** True when this answer is the stored one of an earlier call with the same key. */
  replayed: boolean;
}

/** JSON with object keys sorted, so that the same request always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function assertIdempotencyKey(key: string | undefined): asserts key is string {
  if (key === undefined || key === '') throw fieldProblem('Idempotency-Key', 'header is required');
  if (!IDEMPOTENCY_KEY.test(key))
    throw fieldProblem('Idempotency-Key', 'must be 1 to 200 visible ASCII characters');
}

/**
 * Applies back-office changes to contracts and declarations, at any time (the link is exempt, R18).
 *
 * Idempotency: the key is recorded, per client, in the same transaction as the change, with a hash
 * of the request and the response. A retry with the same key and body gets the stored response
 * (202, header `Idempotent-Replayed: true`) and changes nothing; the same key with a different body
 * is refused with 422 (the key identifies one request; reusing it for another is a client error,
 * not a conflict with the server's state). A request that failed (4xx) records nothing, so it may
 * be retried with the same key once corrected.
 */
@Injectable()
export class BackofficeService {
  private readonly validation = createValidationPipe();

  constructor(
    @InjectRepository(BackofficeMutation)
    private readonly mutations: Repository<BackofficeMutation>,
    private readonly transactions: Transactions,
    private readonly contracts: ContractsService,
    private readonly declarations: DeclarationsService,
    private readonly clock: Clock,
  ) {}

  async apply(
    client: IntegrationPrincipal,
    key: string,
    dto: BackofficeMutationDto,
  ): Promise<MutationOutcome> {
    const requestHash = sha256(
      canonicalJson({ entity: dto.entity, id: dto.id, changes: dto.changes }),
    );
    const earlier = await this.mutations.findOneBy({
      clientId: client.client.id,
      idempotencyKey: key,
    });
    if (earlier) return replay(earlier, requestHash);
    try {
      const result = await this.transactions.run(client, (manager) =>
        this.applyOnce(manager, client, key, requestHash, dto),
      );
      return { result, replayed: false };
    } catch (error) {
      // A concurrent call with the same key committed first: answer as its retry.
      if (!(error instanceof QueryFailedError)) throw error;
      const winner = await this.mutations.findOneBy({
        clientId: client.client.id,
        idempotencyKey: key,
      });
      if (!winner) throw error;
      return replay(winner, requestHash);
    }
  }

  private async applyOnce(
    manager: EntityManager,
    client: IntegrationPrincipal,
    key: string,
    requestHash: string,
    dto: BackofficeMutationDto,
  ): Promise<MutationResultDto> {
    // The key first: a concurrent duplicate then waits on (PostgreSQL) or fails at this row.
    await manager.insert(BackofficeMutation, {
      clientId: client.client.id,
      idempotencyKey: key,
      requestHash,
      responseStatus: HttpStatus.ACCEPTED,
      responseBody: '{}',
      createdAt: this.clock.now(),
    });
    if (Object.keys(dto.changes).length === 0)
      throw fieldProblem('changes', 'must change at least one field');
    const applied =
      dto.entity === 'contract'
        ? await this.contracts.updateWith(
            manager,
            client,
            dto.id,
            await this.changes(UpdateContractDto, dto.changes),
          )
        : await this.declarations.updateWith(
            manager,
            client,
            dto.id,
            await this.changes(UpdateDeclarationDto, dto.changes),
          );
    const result: MutationResultDto = { entity: dto.entity, id: dto.id, applied };
    await manager.update(
      BackofficeMutation,
      { clientId: client.client.id, idempotencyKey: key },
      { responseBody: JSON.stringify(result) },
    );
    return result;
  }

  /** The same rules as the PATCH endpoints, with the fields named `changes.<field>`. */
  private async changes<T extends object>(
    dto: Type<T>,
    changes: Record<string, unknown>,
  ): Promise<T> {
    try {
      return (await this.validation.transform(changes, { type: 'body', metatype: dto })) as T;
    } catch (error) {
      if (error instanceof ProblemException && error.problem.errors) {
        throw validationProblem(
          error.problem.errors.map((e) => ({ field: `changes.${e.field}`, reason: e.reason })),
        );
      }
      throw error;
    }
  }
}

function replay(earlier: BackofficeMutation, requestHash: string): MutationOutcome {
  if (earlier.requestHash !== requestHash) {
    throw new ProblemException({
      type: problemType('idempotency-key-reused'),
      title: 'Idempotency key reused',
      status: HttpStatus.UNPROCESSABLE_ENTITY,
      detail: 'This Idempotency-Key was already used for a different request; use a new key.',
    });
  }
  return { result: JSON.parse(earlier.responseBody) as MutationResultDto, replayed: true };
}
