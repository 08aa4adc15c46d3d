import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS, readImages, readSelection } from '../../src/adapters/note-files.ts';
import { bytesFile } from '../../src/adapters/picked-files.ts';
import { readNotes } from '../../src/adapters/read-notes.ts';
import { declareSize } from '../support/zips.ts';

const file = bytesFile;
const NOTE = strToU8('# Nota\n\n## ¿Qué es un átomo?\n\nLa unidad más pequeña de un elemento.\n');

describe('reading what the user picked', () => {
  it('takes notes and images from files, folders and zips, with paths relative to the picked folder', async () => {
    const zip = zipSync({ 'apuntes/uno.md': strToU8('# Uno'), 'apuntes/img/a.png': new Uint8Array([1, 2]) });
    const selection = await readSelection([file('notas/dos.md', strToU8('# Dos')), file('notas/sub/tres.markdown', strToU8('# Tres')), file('notas/apuntes.zip', zip)]);
    expect(selection.notes.map((n) => n.path)).toEqual(['apuntes/uno.md', 'dos.md', 'sub/tres.markdown']);
    expect([...selection.images.keys()]).toEqual(['apuntes/img/a.png']);
    expect(selection.problems).toEqual([]);
    expect([...(await readImages(selection, ['apuntes/img/a.png'])).images.get('apuntes/img/a.png')!]).toEqual([1, 2]);
  });

  it('gives a clear problem for an empty selection and for files that are not notes', async () => {
    expect((await readSelection([])).problems).toEqual([{ file: '', code: 'nothing-selected' }]);
    const selection = await readSelection([file('foto.heic', new Uint8Array([0])), file('a.md', strToU8('# A'))]);
    expect(selection.problems).toEqual([{ file: 'foto.heic', code: 'not-a-note' }]);
    expect(selection.notes).toHaveLength(1);
  });

  it('refuses paths that leave the zip, and keeps the good entries', async () => {
    const zip = zipSync({ '../fuera.md': strToU8('# X'), 'bien.md': strToU8('# Bien') });
    const selection = await readSelection([file('n.zip', zip)]);
    expect(selection.notes.map((n) => n.path)).toEqual(['bien.md']);
    expect(selection.problems).toEqual([{ file: 'n.zip: ../fuera.md', code: 'unsafe-path' }]);
  });

  it('reports a file that is not a zip at all', async () => {
    const selection = await readSelection([file('roto.zip', strToU8('PK no es un zip'))]);
    expect(selection.problems).toEqual([{ file: 'roto.zip', code: 'not-a-zip' }]);
  });
});

describe('zips of notes-app exports and zip bombs (regressions)', () => {
  it('an export of 5,000 attachments and 50 notes imports its 50 notes (a zip of over ~3,800 entries overflowed the stack)', async () => {
    const entries: Record<string, Uint8Array> = {};
    for (let i = 0; i < 50; i++) entries[`Export/Nota ${i} 28ec2187ea128012ae25cb0107a010a${i % 10}.md`] = NOTE;
    for (let i = 0; i < 5000; i++) entries[`Export/attachments/file ${i}.pdf`] = strToU8(`pdf ${i}`);
    const read = await readNotes([file('export.zip', zipSync(entries, { level: 0 }))]);
    expect(read.built).toHaveLength(50);
    expect(read.problems).toEqual([{ file: 'export.zip', code: 'other-files', count: 5000 }]);
  });

  it('names every note the count cap leaves out (with 5,000 notes, 2,000 were imported and the message was lost)', async () => {
    const entries: Record<string, Uint8Array> = {};
    for (let i = 0; i < IMPORT_LIMITS.notes + 3; i++) entries[`n/${String(i).padStart(4, '0')}.md`] = strToU8(`# N${i}`);
    const selection = await readSelection([file('muchas.zip', zipSync(entries, { level: 0 }))]);
    expect(selection.notes).toHaveLength(IMPORT_LIMITS.notes);
    expect(selection.problems).toEqual([2000, 2001, 2002].map((i) => ({ file: `muchas.zip: n/${i}.md`, code: 'over-note-count', limit: IMPORT_LIMITS.notes })));
  });

  it('refuses a 1 GiB note by the size it declares, without inflating it', async () => {
    const bomb = declareSize(zipSync({ 'bomba.md': new Uint8Array(1 << 20), 'antes.md': strToU8('# Antes') }, { level: 9 }), 'bomba.md', 1 << 30);
    const selection = await readSelection([file('bomba.zip', bomb)]);
    expect(selection.notes.map((n) => n.path)).toEqual(['antes.md']);
    expect(selection.problems).toEqual([{ file: 'bomba.zip: bomba.md', code: 'note-too-large', megabytes: 1024 }]);
  });

  it('stops a note that inflates past the size it declares, and keeps the others', async () => {
    const zip = declareSize(zipSync({ 'miente.md': new Uint8Array(8 << 20).fill(35), 'bien.md': NOTE }), 'miente.md', 100);
    const selection = await readSelection([file('z.zip', zip)]);
    expect(selection.notes.map((n) => n.path)).toEqual(['bien.md']);
    expect(selection.problems).toEqual([{ file: 'z.zip: miente.md', code: 'damaged' }]);
  });

  it('takes the images the notes show, within the size cap, and names the ones left out', async () => {
    const big = new Uint8Array(IMPORT_LIMITS.imageBytes / 2 + 1);
    const note = strToU8('# Fotos\n\n## Una\n\n![](a.png)\n\nTexto.\n\n## Otra\n\n![](b.png)\n\nMás texto.\n\n## Tercera\n\n![](c.png)\n\nY más.\n');
    const read = await readNotes([file('f/fotos.md', note), file('f/a.png', big), file('f/b.png', big), file('f/c.png', new Uint8Array([7])), file('f/sin-uso.png', big)]);
    expect([...read.images.keys()]).toEqual(['a.png', 'c.png']);
    expect(read.problems).toEqual([{ file: 'b.png', code: 'over-image-size', megabytes: IMPORT_LIMITS.imageBytes / 1024 / 1024 }]);
    const otra = read.built[0]!.file.cards.find((c) => c.question === 'Otra')!;
    expect(otra.answerHtml).not.toMatch(/<img/);
    expect(read.warnings).toEqual([]);
  });

  it('decodes notes saved as UTF-16, with or without a byte-order mark (they were refused as binary)', async () => {
    const text = '# Química\n\n## ¿Qué es un ion?\n\nUn átomo con carga.\n';
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) new DataView(le.buffer).setUint16(2 + 2 * i, text.charCodeAt(i), true);
    const be = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) new DataView(be.buffer).setUint16(2 * i, text.charCodeAt(i), false);
    const read = await readNotes([file('le.md', le), file('be.md', be)]);
    expect(read.problems).toEqual([]);
    expect(read.built.map((b) => b.file.cards.map((c) => c.question))).toEqual([['¿Qué es un ion?'], ['¿Qué es un ion?']]);
  });
});
