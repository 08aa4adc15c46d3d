/** A deterministic corpus of note-like Markdown (same seed → same bytes), for benchmarks. */

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'modelo red capa datos entrenamiento texto lenguaje proceso memoria sistema atención token vector ' +
  'consulta respuesta capa física enlace transporte aplicación paquete trama conexión servidor cliente ' +
  'the model learns patterns from large amounts of text and predicts the next word in a sequence'
).split(' ');

export function generateNote(seed: number, targetBytes = 8 * 1024): string {
  const random = prng(seed);
  const pick = () => WORDS[Math.floor(random() * WORDS.length)]!;
  const words = (n: number) => Array.from({ length: n }, pick).join(' ');
  const sentence = () => {
    const s = words(8 + Math.floor(random() * 14));
    return s[0]!.toUpperCase() + s.slice(1) + '.';
  };
  const out = [`---\ntitle: Nota ${seed}\nparent: Corpus\nnav_order: ${seed % 50}\n---\n`, `# Nota ${seed}\n`];
  let section = 0;
  while (out.join('\n').length < targetBytes) {
    section++;
    const shape = random();
    if (shape < 0.2) out.push(`## ¿Qué es ${words(2)} ${section}?\n\n${sentence()} ${sentence()}\n`);
    else if (shape < 0.45) {
      out.push(`### **${words(3)} ${section}:**\n`);
      for (let i = 0; i < 3 + Math.floor(random() * 4); i++) out.push(`- **${words(2)} ${section}-${i}:** ${sentence()}`);
      out.push(`    - ${sentence()}\n`);
    } else if (shape < 0.65) {
      out.push(`## ${words(3)} ${section}\n\n${sentence()}\n\n- ${sentence()}\n- ${sentence()}\n    - ${sentence()}\n`);
    } else if (shape < 0.75) out.push(`**Temas ${section}:**\n\n1. ${sentence()}\n2. ${sentence()}\n`);
    else if (shape < 0.85) out.push(`## Código ${section}\n\n\`\`\`python\nprint("${words(3)}")\n\`\`\`\n\n${sentence()}\n`);
    else if (shape < 0.92) out.push(`${words(3)} ${section} :: ${sentence()}\n`);
    else out.push(`---\n\n[${words(2)}](pagina-${section}.md)\n\n[${words(2)}](otra-${section}.md)\n`);
  }
  return out.join('\n');
}

/** About `megabytes` MB of notes of ~8 KB each. */
export function generateCorpus(megabytes: number): string[] {
  const notes: string[] = [];
  let size = 0;
  for (let seed = 1; size < megabytes * 1024 * 1024; seed++) {
    const note = generateNote(seed);
    notes.push(note);
    size += note.length;
  }
  return notes;
}
