// Load our FHIR package with HL7's fhir-package-loader the way a registry delivers packages:
// as a tarball, unpacked into a fresh FHIR package cache, then indexed and queried.
//
//   node load.cjs PACKAGE.tgz NAME VERSION CACHE_DIR < urls.json
//
// Prints JSON: {status, manifest, found: {url: {resourceType, id, version, packageName,
// sameAsFile}}}. The registry client serves only our tarball, so nothing is downloaded.
const fs = require('node:fs');
const {
  BasePackageLoader,
  DiskBasedPackageCache,
  createSQLJSPackageDB,
} = require('fhir-package-loader');

const [tarball, name, version, cacheDir] = process.argv.slice(2);

const registry = {
  async resolveVersion(wanted, wantedVersion) {
    return wantedVersion;
  },
  async download(wanted, wantedVersion) {
    if (wanted !== name || wantedVersion !== version) {
      throw new Error(`no package ${wanted}#${wantedVersion} here`);
    }
    return fs.createReadStream(tarball);
  },
};
const noCurrentBuilds = {
  async downloadCurrentBuild() {
    throw new Error('no current builds');
  },
  async getCurrentBuildDate() {
    throw new Error('no current builds');
  },
};

async function main() {
  const urls = JSON.parse(fs.readFileSync(0, 'utf8'));
  const log = (level, message) => process.stderr.write(`${level}: ${message}\n`);
  const loader = new BasePackageLoader(
    await createSQLJSPackageDB(),
    new DiskBasedPackageCache(cacheDir, { log }),
    registry,
    noCurrentBuilds,
    { log },
  );
  const status = await loader.loadPackage(name, version);
  const found = {};
  for (const url of urls) {
    const info = loader.findResourceInfo(url, { scope: name });
    if (!info) continue;
    const json = loader.findResourceJSON(url, { scope: name });
    found[url] = {
      resourceType: info.resourceType,
      id: info.id,
      version: info.version,
      packageName: info.packageName,
      url: json.url,
    };
  }
  const manifest = loader.findPackageJSON(name, version) ?? null;
  process.stdout.write(JSON.stringify({ status, manifest, found }));
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
