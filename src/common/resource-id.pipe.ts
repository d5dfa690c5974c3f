import { Injectable, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { notFoundProblem } from './problem.js';

/**
 * A path id: every resource id is a UUID, so anything else names no resource. The answer is
 * 404 without a query (a NUL byte or an over-long id never reaches the database).
 */
@Injectable()
export class ResourceIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUUID(value)) throw notFoundProblem('No such resource.');
    return value.toLowerCase();
  }
}
