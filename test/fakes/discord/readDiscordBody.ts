// Reads a REST request body as @discordjs/rest sends it: JSON, or multipart with payload_json plus files[n] parts.
import type { IncomingMessage } from 'node:http';
import { invalidFormBody } from './DiscordApiError.ts';

export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
}

export interface DiscordBody {
  json: unknown;
  files: UploadedFile[];
}

const MAX_BODY_BYTES = 25 * 1024 * 1024;

export async function readDiscordBody(req: IncomingMessage): Promise<DiscordBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw invalidFormBody('files', 'BINARY_TYPE_MAX_SIZE', 'Request entity too large');
    chunks.push(buffer);
  }
  const raw = Buffer.concat(chunks);
  if (raw.length === 0) return { json: undefined, files: [] };
  const contentType = req.headers['content-type'] ?? '';
  const boundary = /^multipart\/form-data;.*boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (boundary) return readMultipart(raw, boundary[1] ?? boundary[2] ?? '');
  try {
    return { json: JSON.parse(raw.toString('utf8')), files: [] };
  } catch {
    throw invalidFormBody('_', 'BASE_TYPE_BAD_JSON', 'The request body contains invalid JSON.');
  }
}

function readMultipart(raw: Buffer, boundary: string): DiscordBody {
  const delimiter = Buffer.from(`--${boundary}`);
  const files: UploadedFile[] = [];
  const fields: Record<string, string> = {};
  let start = raw.indexOf(delimiter);
  while (start !== -1) {
    const partStart = start + delimiter.length;
    if (raw.subarray(partStart, partStart + 2).toString() === '--') break; // closing delimiter
    const end = raw.indexOf(delimiter, partStart);
    if (end === -1) break;
    const part = raw.subarray(partStart + 2, end - 2); // drop the CRLF after the delimiter and before the next
    const headerEnd = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const content = part.subarray(headerEnd + 4);
    const name = /name="([^"]*)"/i.exec(headers)?.[1] ?? '';
    const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
    if (filename === undefined) {
      fields[name] = content.toString('utf8');
    } else {
      const contentType = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? 'application/octet-stream';
      files.push({ field: name, filename, contentType, size: content.length });
    }
    start = end;
  }
  let json: unknown = undefined;
  if (fields.payload_json !== undefined) {
    try {
      json = JSON.parse(fields.payload_json);
    } catch {
      throw invalidFormBody('payload_json', 'BASE_TYPE_BAD_JSON', 'The payload_json contains invalid JSON.');
    }
  } else if (Object.keys(fields).length > 0) {
    json = fields;
  }
  return { json, files };
}
