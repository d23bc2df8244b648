/** The registry of languages the code engine understands. Adding a language: a folder here plus one line below. */
import { csharp } from './csharp';
import { go } from './go';
import { java } from './java';
import { javascript } from './javascript';
import { php } from './php';
import { python } from './python';
import { ruby } from './ruby';
import { rust } from './rust';
import { LanguageSpec } from './spec';
import { tsx, typescript } from './typescript';

export const LANGUAGES: readonly LanguageSpec[] = Object.freeze([
  javascript, typescript, tsx, python, go, java, csharp, php, ruby, rust,
]);

const byLanguageId = new Map<string, LanguageSpec>();
const byExtension = new Map<string, LanguageSpec>();
for (const spec of LANGUAGES) {
  for (const id of spec.languageIds) byLanguageId.set(id, spec);
  for (const ext of spec.extensions) byExtension.set(ext, spec);
}

export function languageForId(languageId: string): LanguageSpec | undefined {
  return byLanguageId.get(languageId);
}

/** By file name (`route.ts` → typescript). */
export function languageForPath(path: string): LanguageSpec | undefined {
  const match = /(\.[^./\\]+)$/.exec(path.toLowerCase());
  return match ? byExtension.get(match[1]) : undefined;
}

export type { LanguageSpec } from './spec';
