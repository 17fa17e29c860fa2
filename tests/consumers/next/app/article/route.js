// The article the client-side card fetches.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function GET() {
  const body = await readFile(join(process.cwd(), '../../../examples/partner/articles/seed-ar.json'));
  return new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
