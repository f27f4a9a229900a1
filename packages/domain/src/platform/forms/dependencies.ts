import type { CompiledField } from './compile.js';
import { referencesOf } from './expr/index.js';

/**
 * The order the engine computes fields in: a field after the fields its relevance and calculation read and
 * after its enclosing group or repeat, so that one pass computes everything. Cycles through relevance are
 * broken in document order (XLSForm forms have them only by mistake); cycles between calculations are a
 * compile problem (calculationCycles).
 */
function dependencies(cf: CompiledField, fields: ReadonlyMap<string, CompiledField>): CompiledField[] {
  const deps: CompiledField[] = [];
  if (cf.parent) deps.push(cf.parent);
  for (const node of [cf.relevant, cf.calculation])
    if (node)
      for (const ref of referencesOf(node))
        if (ref !== cf.name && fields.has(ref)) deps.push(fields.get(ref)!);
  return deps;
}

export function evaluationOrder(fields: ReadonlyMap<string, CompiledField>): CompiledField[] {
  const order: CompiledField[] = [];
  const state = new Map<CompiledField, 'visiting' | 'done'>();
  const visit = (cf: CompiledField) => {
    if (state.has(cf)) return;
    state.set(cf, 'visiting');
    for (const dep of dependencies(cf, fields)) visit(dep);
    state.set(cf, 'done');
    order.push(cf);
  };
  for (const cf of fields.values()) visit(cf);
  return order;
}

/** Each cycle among calculations (a calculation reading, directly or not, its own field), once. */
export function calculationCycles(fields: ReadonlyMap<string, CompiledField>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const calcRefs = (name: string): string[] => {
    const source = fields.get(name)?.field.calculation;
    const node = fields.get(name)?.calculation;
    return source && node ? referencesOf(node).filter((r) => fields.has(r)) : [];
  };
  const visit = (name: string) => {
    if (done.has(name)) return;
    stack.push(name);
    onStack.add(name);
    for (const ref of calcRefs(name)) {
      if (onStack.has(ref)) cycles.push([...stack.slice(stack.indexOf(ref)), ref]);
      else visit(ref);
    }
    stack.pop();
    onStack.delete(name);
    done.add(name);
  };
  for (const name of fields.keys()) visit(name);
  return cycles;
}
