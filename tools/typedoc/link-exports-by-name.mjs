// @ts-check
/**
 * TypeDoc plugin: resolves a `{@link Name}` that TypeScript could not resolve (inside `@throws`, TypeScript
 * reads `{…}` as a type and keeps no link, so `@throws {@link InvalidArgumentError}` in core reaches TypeDoc
 * as a bare name) to the exported declaration of that name: the one in the linking package when it has one,
 * else the only one in the documented packages. Ambiguous or unknown names stay unresolved (and warn).
 */
import { ReflectionKind } from 'typedoc';

/** @param {import('typedoc').Reflection} reflection */
function packageOf(reflection) {
  let r = reflection;
  while (r.parent && r.parent.kind !== ReflectionKind.Project) r = r.parent;
  return r;
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.addUnknownSymbolResolver((ref, reflection) => {
    const path = ref.symbolReference?.path;
    if (ref.moduleSource || path?.length !== 1) return undefined;
    const name = path[0].path;
    const exported = Object.values(reflection.project.reflections).filter(
      (r) =>
        r.name === name &&
        r.parent?.kindOf(ReflectionKind.SomeModule) &&
        !r.kindOf(ReflectionKind.SomeModule),
    );
    const own = exported.filter((r) => packageOf(r) === packageOf(reflection));
    const target = own.length === 1 ? own[0] : exported.length === 1 ? exported[0] : undefined;
    // TypeDoc's link resolver stores a reflection target as an in-documentation link.
    return target ? /** @type {any} */ ({ target }) : undefined;
  });
}
