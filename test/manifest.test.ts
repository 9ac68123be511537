/**
 * The add-in manifest must validate against Microsoft's published XML schemas (offline, with
 * xmllint) and keep the properties the store and Office rely on. The schemas are kept in the
 * repository (test/schemas/manifest/, copied byte for byte from ../shared/schemas/manifest/, see
 * its README for their provenance) so CI needs nothing outside the checkout; where ../shared is
 * present the copies must still equal it. The test fails loudly (never skips) when xmllint or the
 * schemas are missing.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '..');
const manifestPath = path.join(repoRoot, 'manifest.xml');
const schemaDir = path.join(repoRoot, 'test', 'schemas', 'manifest');
const sharedDir = path.resolve(repoRoot, '..', 'shared', 'schemas', 'manifest');
const schemaPath = path.join(schemaDir, 'OfficeAppManifestV1_1.xsd');
const manifest = fs.readFileSync(manifestPath, 'utf8');

describe('manifest.xml', () => {
  it('validates with the repository’s copies of the schemas, which equal ../shared where it exists', () => {
    const files = fs.readdirSync(schemaDir).filter((f) => f.endsWith('.xsd'));
    expect(files.sort()).toEqual([
      'MailAppVersionOverridesV1_0.xsd',
      'MailAppVersionOverridesV1_1.xsd',
      'OfficeAppBasicTypesV1_0.xsd',
      'OfficeAppManifestV1_1.xsd',
      'TaskPaneAppVersionOverridesV1_0.xsd',
    ]);
    if (fs.existsSync(sharedDir)) {
      for (const f of files) {
        expect({
          f,
          same: fs.readFileSync(path.join(schemaDir, f)).equals(fs.readFileSync(path.join(sharedDir, f))),
        }).toEqual({ f, same: true });
      }
    }
  });

  it('validates against OfficeAppManifestV1_1.xsd with xmllint', () => {
    if (!fs.existsSync(schemaPath)) {
      throw new Error(
        `Manifest schema not found at ${schemaPath} (test/schemas/manifest/ must hold Microsoft's XSDs).`,
      );
    }
    const which = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
    if (which.error) {
      throw new Error(`xmllint is not installed (apt-get install libxml2-utils): ${which.error.message}`);
    }
    const run = spawnSync('xmllint', ['--noout', '--schema', schemaPath, manifestPath], { encoding: 'utf8' });
    expect({ status: run.status, stderr: run.stderr }).toEqual({
      status: 0,
      stderr: expect.stringContaining('validates'),
    });
  });

  it('has a four-part version, a fixed GUID id and the Danish default locale', () => {
    expect(manifest).toMatch(/<Version>\d+\.\d+\.\d+\.\d+<\/Version>/);
    expect(manifest).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/);
    expect(manifest).toContain('<DefaultLocale>da-DK</DefaultLocale>');
    expect(manifest).toContain('<DisplayName DefaultValue="Børnesagsbarometer"/>');
  });

  it('asks only for ReadWriteDocument and lists no AppDomains', () => {
    expect(manifest.match(/<Permissions>([^<]+)<\/Permissions>/)?.[1]).toBe('ReadWriteDocument');
    expect(manifest).not.toMatch(/<AppDomains?>/);
  });

  it('requires ExcelApi 1.9 (RangeAreas) and no 1.1 VersionOverrides', () => {
    const sets = [...manifest.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\/>/g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(sets).toEqual([['ExcelApi', '1.9']]);
    expect(manifest).not.toContain('taskpaneappversionoverrides/1.1');
  });

  it('points every icon and page at a file the build serves', () => {
    const assets = [...manifest.matchAll(/https:\/\/localhost:3000\/assets\/([\w-]+\.png)/g)].map(
      (m) => m[1],
    );
    expect(assets.length).toBeGreaterThan(0);
    for (const a of assets) expect(fs.existsSync(path.join(repoRoot, 'assets', a ?? ''))).toBe(true);
    expect(manifest).toContain('https://localhost:3000/taskpane.html');
    expect(manifest).toContain('https://localhost:3000/commands.html');
    expect(manifest).toContain('<OfficeTab id="TabHome">');
    expect(manifest).toContain('<Action xsi:type="ShowTaskpane">');
  });
});
