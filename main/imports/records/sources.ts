/**
 * Reading a practice export from disk, streamed: the format sniffed from the first bytes, CSV records
 * with line numbers, FHIR resources from a Bundle, a single resource or NDJSON (read line by line, twice:
 * once to index patients and medicines for references, once to import).
 */
import { createReadStream, openSync, readSync, closeSync, statSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { FhirResource } from 'fhir/r4';
import { isResource, ResourceIndex } from './fhir';

/** Bundles are parsed whole; larger exports must come as NDJSON, which is streamed. */
export const MAX_BUNDLE_BYTES = 256 * 1024 * 1024;

export class FileRejected extends Error {}

function firstBytes(file: string, length = 65536): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const n = readSync(fd, buffer, 0, length, 0);
    return buffer.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

export function sniffFormat(file: string): 'csv' | 'fhir' {
  const start = firstBytes(file, 4096).replace(/^\uFEFF/, '').trimStart();
  return start.startsWith('{') ? 'fhir' : 'csv';
}

/** A read stream that reports how many bytes have been read. */
export function progressStream(file: string, onBytes: (bytes: number) => void): Readable {
  const stream = createReadStream(file, { highWaterMark: 256 * 1024 });
  let total = 0;
  stream.on('data', (chunk) => {
    total += chunk.length;
    onBytes(total);
  });
  return stream;
}

export interface FhirItem {
  /** Where the resource is: "entry 3 (Patient/abc)" or "line 12 (Condition/x)". */
  label: string;
  resource: FhirResource | null;
  /** Set when the item could not be read as a resource at all. */
  error?: string;
}

function labelOf(where: string, resource: FhirResource): string {
  return typeof resource.id === 'string' ? `${where} (${resource.resourceType}/${resource.id.slice(0, 64)})` : `${where} (${resource.resourceType})`;
}

export interface FhirReader {
  shape: 'bundle' | 'resource' | 'ndjson';
  index: ResourceIndex;
  items(onBytes: (bytes: number) => void): AsyncGenerator<FhirItem>;
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/** Opens a FHIR file: decides its shape, and for NDJSON indexes the patients and medicines first. */
export async function openFhir(file: string): Promise<FhirReader> {
  const head = firstBytes(file).replace(/^\uFEFF/, '');
  const firstLine = head.trimStart().split(/\r?\n/, 1)[0] ?? '';
  const first = parseLine(firstLine);
  const index = new ResourceIndex();
  if (isResource(first) && first.resourceType !== 'Bundle') {
    // NDJSON: pass 1 indexes what references point at (patients, medicines), keeping only those.
    for await (const { value } of ndjsonLines(file, () => undefined)) {
      if (!isResource(value)) continue;
      // keep only what a reference needs, so memory follows the number of patients, not the file's size
      const v = value as { resourceType: string; id?: unknown; identifier?: unknown; code?: unknown };
      if (v.resourceType === 'Patient') index.add({ resourceType: 'Patient', id: v.id, identifier: v.identifier } as FhirResource);
      else if (v.resourceType === 'Medication') index.add({ resourceType: 'Medication', id: v.id, code: v.code } as FhirResource);
    }
    return {
      shape: 'ndjson', index,
      async* items(onBytes) {
        for await (const { line, value } of ndjsonLines(file, onBytes)) {
          if (value === undefined) yield { label: `line ${line}`, resource: null, error: 'the line is not valid JSON' };
          else if (!isResource(value)) yield { label: `line ${line}`, resource: null, error: 'the line is not a FHIR resource (no resourceType)' };
          else yield { label: labelOf(`line ${line}`, value as FhirResource), resource: value as FhirResource };
        }
      },
    };
  }
  const size = statSync(file).size;
  if (size > MAX_BUNDLE_BYTES) {
    throw new FileRejected(`The FHIR file is ${Math.round(size / 1048576)} MB: a Bundle larger than ${MAX_BUNDLE_BYTES / 1048576} MB cannot be read whole. Export it as NDJSON (bulk data), which is read line by line.`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new FileRejected(`The file is neither CSV nor valid FHIR JSON: ${(error as Error).message}`);
  }
  if (!isResource(doc)) throw new FileRejected('The file is JSON but not a FHIR resource or Bundle (it has no resourceType).');
  if (doc.resourceType !== 'Bundle') {
    const resource = doc as FhirResource;
    index.add(resource);
    return { shape: 'resource', index, async* items(onBytes) { onBytes(size); yield { label: labelOf('resource', resource), resource }; } };
  }
  const entries = Array.isArray((doc as { entry?: unknown }).entry) ? (doc as { entry: unknown[] }).entry : [];
  for (const entry of entries) {
    const e = entry as { resource?: unknown; fullUrl?: unknown } | null;
    if (e && isResource(e.resource)) index.add(e.resource as FhirResource, typeof e.fullUrl === 'string' ? e.fullUrl : undefined);
  }
  return {
    shape: 'bundle', index,
    async* items(onBytes) {
      let n = 0;
      for (const entry of entries) {
        n++;
        const e = entry as { resource?: unknown } | null;
        if (!e || !isResource(e.resource)) yield { label: `entry ${n}`, resource: null, error: 'the entry holds no resource' };
        else yield { label: labelOf(`entry ${n}`, e.resource as FhirResource), resource: e.resource as FhirResource };
        if (n % 500 === 0) {
          onBytes(Math.round((size * n) / entries.length));
          // let other work (the screen asking for progress) run between entries of a large bundle
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      }
      onBytes(size);
    },
  };
}

async function* ndjsonLines(file: string, onBytes: (bytes: number) => void): AsyncGenerator<{ line: number; value: unknown }> {
  const stream = progressStream(file, onBytes);
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of lines) {
      line++;
      const trimmed = (line === 1 ? text.replace(/^\uFEFF/, '') : text).trim();
      if (trimmed === '') continue;
      yield { line, value: parseLine(trimmed) };
    }
  } finally {
    lines.close();
    stream.destroy();
  }
}
