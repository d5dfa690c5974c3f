import { loadOptionalPeer, MissingOptionalPeerError } from '../persistence/optional-peer.js';

/** Options handed through to @nestjs/swagger as they are (its own types are not needed to compile). */
type DocOptions = Record<string, unknown>;
type AnyDecorator = ClassDecorator & MethodDecorator & PropertyDecorator;

/** The @nestjs/swagger decorators the module documents its API with. */
interface ApiDocDecorators {
  ApiBody(options: DocOptions): MethodDecorator;
  ApiConflictResponse(options?: DocOptions): AnyDecorator;
  ApiNoContentResponse(options?: DocOptions): AnyDecorator;
  ApiOkResponse(options?: DocOptions): AnyDecorator;
  ApiOperation(options: DocOptions): MethodDecorator;
  ApiProperty(options?: DocOptions): PropertyDecorator;
  ApiPropertyOptional(options?: DocOptions): PropertyDecorator;
  ApiQuery(options: DocOptions): MethodDecorator;
  ApiTags(...tags: string[]): AnyDecorator;
}

/** Without @nestjs/swagger the module still runs, undocumented: every decorator does nothing. */
const noDoc = (): AnyDecorator => () => undefined;
const withoutSwagger: ApiDocDecorators = {
  ApiBody: noDoc,
  ApiConflictResponse: noDoc,
  ApiNoContentResponse: noDoc,
  ApiOkResponse: noDoc,
  ApiOperation: noDoc,
  ApiProperty: noDoc,
  ApiPropertyOptional: noDoc,
  ApiQuery: noDoc,
  ApiTags: noDoc,
};

async function loadApiDocDecorators(): Promise<ApiDocDecorators> {
  try {
    return await loadOptionalPeer<ApiDocDecorators>(
      '@nestjs/swagger',
      "The maintenance module's API document",
    );
  } catch (error) {
    if (error instanceof MissingOptionalPeerError) return withoutSwagger;
    throw error;
  }
}

export const {
  ApiBody,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiQuery,
  ApiTags,
} = await loadApiDocDecorators();
