import type { FormField, FormPage, FormState, FormText } from '@coso/domain';

/**
 * The desktop's page-by-page layout: the engine's pages (ODK Collect's pagination) plus, for each repeat
 * the user fills freely, a page that lists its instances with "add" and "remove" — where ODK Collect asks
 * "add another?" — placed after the repeat's last instance page (or where the repeat stands when empty).
 */
export interface DesktopPage {
  key: string;
  title?: FormText;
  fields: { path: string; field: FormField }[];
  /** Set on a repeat's own page. */
  repeat?: { path: string; field: FormField };
}

export function desktopPages(pages: readonly FormPage[], state: FormState): DesktopPage[] {
  const order = new Map<string, number>();
  for (const path of state.fields.keys()) order.set(path, order.size);
  const out: DesktopPage[] = pages.map((p) => ({ ...p }));
  const firstPath = (p: DesktopPage) => p.repeat?.path ?? p.fields[0]?.path ?? p.key;

  for (const st of state.fields.values()) {
    if (st.field.type !== 'repeat' || !st.relevant || st.repeatCount !== undefined) continue;
    const page: DesktopPage = {
      key: `repeat:${st.path}`,
      fields: [],
      repeat: { path: st.path, field: st.field },
      ...(st.field.label ? { title: st.field.label } : {}),
    };
    const inside = `${st.path}[`;
    let last = -1;
    out.forEach((p, i) => {
      if (p.fields.some((f) => f.path.startsWith(inside)) || p.repeat?.path.startsWith(inside)) last = i;
    });
    if (last >= 0) {
      out.splice(last + 1, 0, page);
      continue;
    }
    const at = order.get(st.path) ?? Number.MAX_SAFE_INTEGER;
    const next = out.findIndex((p) => (order.get(firstPath(p)) ?? -1) > at);
    out.splice(next < 0 ? out.length : next, 0, page);
  }
  return out;
}

/** The page showing the answer at `path` (an `_other` text goes with its select; a repeat's error with its page). */
export function pageOfPath(pages: readonly DesktopPage[], path: string): number {
  const exact = pages.findIndex(
    (p) => p.repeat?.path === path || p.fields.some((f) => f.path === path || `${f.path}_other` === path),
  );
  if (exact >= 0) return exact;
  return pages.findIndex((p) =>
    p.fields.some((f) => f.path.startsWith(`${path}[`) || f.path.startsWith(`${path}.`)),
  );
}

/** The first page of a repeat's instance (after "add", go and fill it). */
export function firstPageOfInstance(pages: readonly DesktopPage[], instancePath: string): number {
  return pages.findIndex((p) => p.fields.some((f) => f.path.startsWith(`${instancePath}.`)));
}
