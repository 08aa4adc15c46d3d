/** Zips with a lying central directory, for tests of zip bombs: the entry named `name` now declares `size` bytes. */
export function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const encoded = new TextEncoder().encode(name);
  for (let at = zip.length - 46; at >= 0; at--) {
    if (view.getUint32(at, true) !== 0x02014b50 || view.getUint16(at + 28, true) !== encoded.length) continue;
    if (zip.subarray(at + 46, at + 46 + encoded.length).every((byte, i) => byte === encoded[i])) {
      view.setUint32(at + 24, size, true);
      return zip;
    }
  }
  throw new Error(`no entry named ${name}`);
}
