import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { RouteCatalog } from '../common/route-catalog.js';
import { RouteContracts } from './route-contract.js';

/** What the API document reads from the routes; the document itself is built by `setupApiDocs`. */
@Module({
  imports: [DiscoveryModule],
  providers: [RouteCatalog, RouteContracts],
  exports: [RouteContracts],
})
export class ApiDocsModule {}
