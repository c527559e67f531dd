/** SHA-256 of the raw bytes with Web Crypto: the same in Node 20 and in browsers. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function reportIdOf(sha256: string): string {
  return sha256.slice(0, 16);
}
