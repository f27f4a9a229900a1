import { ApiError, buildUrl, NETWORK_ERROR } from '../../../api/client';

/**
 * The printable case file with or without the complainant's identity. With it, the server runs the same check
 * and audit as "Reveal identity" (`identityReason`), so the choice is offered only to users who may reveal,
 * and "without" is the default: a printed identity leaves the system.
 */
export type CaseFileChoice = 'without' | 'with';

const REASON_MIN = 10;
const REASON_MAX = 500;

/** Whether to offer the choice: a named case whose identity this user may reveal (the server says so). */
export function offersIdentityChoice(complainant: { anonymous: boolean; revealable: boolean }): boolean {
  return !complainant.anonymous && complainant.revealable;
}

/** The API address of the case file; the reason only when the identity is asked for. */
export function caseFileUrl(complaintId: string, locale: string, identityReason?: string): string {
  return buildUrl(`/api/v1/complaints/${encodeURIComponent(complaintId)}/case-file.pdf`, {
    lang: locale,
    identityReason: identityReason?.trim() || undefined,
  });
}

/** The i18n key of what is wrong with the form, or undefined when it can be sent. */
export function caseFileReasonError(
  choice: CaseFileChoice,
  reason: string,
): 'reveal.reasonLength' | undefined {
  if (choice === 'without') return undefined;
  const length = reason.trim().length;
  return length < REASON_MIN || length > REASON_MAX ? 'reveal.reasonLength' : undefined;
}

/**
 * Fetches the PDF and hands it to the browser as a download. Fetched rather than linked so that a refusal
 * (403: may not reveal, 409: anonymous) shows in the dialog instead of saving a JSON error as a ".pdf".
 */
export async function downloadCaseFile(url: string, language: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin', headers: { 'Accept-Language': language } });
  } catch (err) {
    throw new ApiError(0, NETWORK_ERROR, err instanceof Error ? err.message : String(err));
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { code?: unknown; message?: unknown };
    throw new ApiError(
      res.status,
      typeof body.code === 'string' ? body.code : `http_${res.status}`,
      typeof body.message === 'string' ? body.message : res.statusText || `HTTP ${res.status}`,
    );
  }
  const filename =
    /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'dossier.pdf';
  const href = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the object URL is no longer needed once the event loop moves on.
  setTimeout(() => URL.revokeObjectURL(href), 0);
}
