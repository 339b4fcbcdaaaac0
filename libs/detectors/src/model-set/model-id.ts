/**
 * A model id that sorts by time and tells two models of the same second
 * apart: `2026-12-03T17:20:00.000Z-1a2b3c4d`, the creation time and an
 * FNV-1a hash of the model's content.
 */
export function createModelId(createdAt: Date, content: string): string {
  return `${createdAt.toISOString()}-${fnv1a(content)}`;
}

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
