import { Controller, Get, Module, Post } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { RouteCatalog } from '../../src/common/route-catalog.js';

@Controller('widgets')
class WidgetsController {
  @Get()
  list(): string[] {
    return [];
  }

  @Post(':id')
  change(): void {}
}

@Controller('health')
class HealthController {
  @Get()
  check(): string {
    return 'ok';
  }
}

@Module({
  imports: [DiscoveryModule],
  controllers: [WidgetsController, HealthController],
  providers: [RouteCatalog],
})
class CatalogHostModule {}

async function routesWith(prefix?: { path: string; exclude?: string[] }): Promise<string[]> {
  const moduleRef = await Test.createTestingModule({ imports: [CatalogHostModule] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  if (prefix) app.setGlobalPrefix(prefix.path, { exclude: prefix.exclude });
  await app.init();
  try {
    return app
      .get(RouteCatalog)
      .routes()
      .map((route) => `${route.method} ${route.path}`)
      .sort();
  } finally {
    await app.close();
  }
}

/** The catalogue lists the routes as the router serves them: with the global prefix, minus its exclusions. */
describe('RouteCatalog', () => {
  it('lists every route of the controllers', async () => {
    expect(await routesWith()).toEqual(['GET /health', 'GET /widgets', 'POST /widgets/:id']);
  });

  it('honours a global prefix and its exclusions', async () => {
    expect(await routesWith({ path: 'v1', exclude: ['health'] })).toEqual([
      'GET /health',
      'GET /v1/widgets',
      'POST /v1/widgets/:id',
    ]);
  });
});
