import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { fieldProblem } from './problem.js';

/** Why ResourceIdPipe refuses a path id. */
export const RESOURCE_ID_REASON = 'must be an id (a UUID)';

/**
 * A path id: every resource id is a UUID, so anything else is invalid input, answered 400 naming
 * the parameter (`id`, `formId`) before any query (a NUL byte or an over-long id never reaches the
 * database). A well-formed id of nothing is 404, from the handler.
 */
@Injectable()
export class ResourceIdPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!isUUID(value)) throw fieldProblem(metadata.data ?? 'id', RESOURCE_ID_REASON);
    return value.toLowerCase();
  }
}
