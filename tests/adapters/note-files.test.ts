import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readSelection, ZIP_LIMITS } from '../../src/adapters/note-files.ts';
import type { SelectedFile } from '../../src/adapters/picked-files.ts';

const file = (path: string, bytes: Uint8Array): SelectedFile => ({ name: path.split('/').pop()!, path, bytes: async () => bytes });

describe('reading what the user picked', () => {
  it('takes notes and images from files, folders and zips, with paths relative to the picked folder', async () => {
    const zip = zipSync({ 'apuntes/uno.md': strToU8('# Uno'), 'apuntes/img/a.png': new Uint8Array([1, 2]) });
    const selection = await readSelection([
      file('notas/dos.md', strToU8('# Dos')),
      file('notas/sub/tres.markdown', strToU8('# Tres')),
      file('notas/apuntes.zip', zip),
    ]);
    expect(selection.notes.map((n) => n.path).sort()).toEqual(['apuntes/uno.md', 'dos.md', 'sub/tres.markdown']);
    expect([...selection.images.keys()]).toEqual(['apuntes/img/a.png']);
    expect(selection.problems).toEqual([]);
  });

  it('gives a clear message for an empty selection and for files that are not notes', async () => {
    expect((await readSelection([])).problems[0]!.message).toMatch(/nothing was selected/);
    const selection = await readSelection([file('foto.heic', new Uint8Array([0])), file('a.md', strToU8('# A'))]);
    expect(selection.problems).toEqual([{ file: 'foto.heic', message: expect.stringMatching(/not a Markdown note/) }]);
    expect(selection.notes).toHaveLength(1);
  });

  it('refuses paths that leave the zip, and keeps the good entries', async () => {
    const zip = zipSync({ '../fuera.md': strToU8('# X'), 'bien.md': strToU8('# Bien') });
    const selection = await readSelection([file('n.zip', zip)]);
    expect(selection.notes.map((n) => n.path)).toEqual(['bien.md']);
    expect(selection.problems).toEqual([{ file: 'n.zip: ../fuera.md', message: expect.stringMatching(/leaves the zip/) }]);
  });

  it('stops a zip bomb at the size cap instead of filling memory', async () => {
    const huge = new Uint8Array(ZIP_LIMITS.maxTotalBytes + 1024 * 1024); // zeros: compresses to a few kilobytes
    const zip = zipSync({ 'bomba.md': huge, 'antes.md': strToU8('# Antes') }, { level: 9 });
    expect(zip.length).toBeLessThan(1024 * 1024);
    const selection = await readSelection([file('bomba.zip', zip)]);
    expect(selection.problems.map((p) => p.message)).toEqual([expect.stringMatching(/zip bomb/)]);
    expect(selection.notes.map((n) => n.path)).not.toContain('bomba.md');
  });

  it('reports a file that is not a zip at all', async () => {
    const selection = await readSelection([file('roto.zip', strToU8('PK no es un zip'))]);
    expect(selection.problems[0]).toMatchObject({ file: 'roto.zip' });
  });
});
