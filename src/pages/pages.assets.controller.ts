import { Controller, Get, Header, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Public } from '../auth/auth.decorators.js';
import { AllowDuringMaintenance } from '../maintenance/index.js';

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

/** Our own stylesheet and script, read once; the list is fixed, so no path from the URL reaches the file system. */
function loadAssets(): Map<string, Asset> {
  const files: Record<string, string> = { 'app.css': 'text/css', 'app.js': 'text/javascript' };
  return new Map(
    Object.entries(files).map(([name, type]) => {
      const body = readFileSync(new URL(`./public/${name}`, import.meta.url));
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`;
      return [name, { body, type, etag }];
    }),
  );
}

/** Static assets: open to everybody, also during downtime (R13). */
@ApiExcludeController()
@Public()
@AllowDuringMaintenance()
@Controller('assets')
export class PageAssetsController {
  private readonly assets = loadAssets();

  @Get(':name')
  @Header('Cache-Control', 'no-cache')
  asset(@Param('name') name: string, @Res() response: Response): void {
    const asset = this.assets.get(name);
    if (!asset) throw new NotFoundException();
    response.type(asset.type).setHeader('ETag', asset.etag);
    response.send(asset.body);
  }
}
