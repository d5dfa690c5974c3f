import { readFileSync } from 'node:fs';

/** Every name the public entry exports, types included, read from its source. */
function exportedNames(file: string): string[] {
  const source = readFileSync(new URL(file, import.meta.url), 'utf8');
  return [...source.matchAll(/export (?:type )?\{([^}]*)\}/g)].flatMap((match) =>
    match[1]
      .split(',')
      .map((name) => name.trim().replace(/^type /, ''))
      .filter(Boolean),
  );
}

describe('the public API of the maintenance module', () => {
  it('has at most 40 names', () => {
    const names = exportedNames('./index.ts');
    expect(names.length).toBeGreaterThan(0);
    expect(names.length).toBeLessThanOrEqual(40);
  });

  it('exports no entity, migration class, timer name or route catalogue', () => {
    expect(exportedNames('./index.ts')).not.toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Entity$|^Maintenance\d+|_INTERVAL$|_TIMEOUT$|Catalog/),
      ]),
    );
  });
});
