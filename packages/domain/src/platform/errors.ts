import type { Locale } from './locale.js';

/** Every error the API can answer, with its HTTP status and its message in each language. */
export const ERRORS = {
  validation_error: { status: 400, fr: 'Certaines données sont invalides.', en: 'Some data is invalid.' },
  bad_request: { status: 400, fr: 'Requête invalide.', en: 'Bad request.' },
  invalid_cursor: { status: 400, fr: 'Curseur de pagination invalide.', en: 'Invalid pagination cursor.' },
  unauthenticated: {
    status: 401,
    fr: 'Veuillez vous connecter.',
    en: 'Please log in.',
  },
  invalid_credentials: {
    status: 401,
    fr: 'Identifiant ou mot de passe incorrect.',
    en: 'Incorrect username or password.',
  },
  session_expired: {
    status: 401,
    fr: 'Votre session a expiré. Veuillez vous reconnecter.',
    en: 'Your session has expired. Please log in again.',
  },
  csrf_invalid: {
    status: 403,
    fr: 'Jeton de sécurité (CSRF) manquant ou invalide. Rechargez la page.',
    en: 'Missing or invalid security (CSRF) token. Reload the page.',
  },
  forbidden: {
    status: 403,
    fr: "Vous n'avez pas le droit d'effectuer cette action.",
    en: 'You are not allowed to do this.',
  },
  account_disabled: {
    status: 403,
    fr: 'Ce compte est désactivé : les données de cet appareil vont être effacées.',
    en: 'This account is disabled: the data on this device will be erased.',
  },
  outside_jurisdiction: {
    status: 403,
    fr: 'Cette zone est hors de votre juridiction.',
    en: 'This area is outside your jurisdiction.',
  },
  not_found: { status: 404, fr: 'Élément introuvable.', en: 'Not found.' },
  conflict: { status: 409, fr: 'Conflit avec les données existantes.', en: 'Conflict with existing data.' },
  username_taken: {
    status: 409,
    fr: "Ce nom d'utilisateur est déjà pris.",
    en: 'This username is already taken.',
  },
  email_taken: {
    status: 409,
    fr: 'Cette adresse e-mail est déjà utilisée.',
    en: 'This email is already used.',
  },
  self_lockout: {
    status: 409,
    fr: 'Vous ne pouvez pas désactiver votre propre compte ni retirer votre propre rôle administrateur.',
    en: 'You cannot deactivate your own account or remove your own administrator role.',
  },
  code_taken: { status: 409, fr: 'Ce code est déjà utilisé.', en: 'This code is already used.' },
  transition_not_allowed: {
    status: 409,
    fr: "Cette action n'est pas possible au statut actuel du dossier.",
    en: 'This action is not possible at the current status of the case.',
  },
  no_higher_level: {
    status: 409,
    fr: "Il n'y a pas de niveau supérieur dans la chaîne d'escalade.",
    en: 'There is no higher level in the escalation chain.',
  },
  version_conflict: {
    status: 409,
    fr: 'Le dossier a été modifié entre-temps. Rechargez-le.',
    en: 'The record was changed meanwhile. Reload it.',
  },
  geo_unit_has_children: {
    status: 409,
    fr: "Cette unité contient d'autres unités.",
    en: 'This unit contains other units.',
  },
  case_not_sensitive: {
    status: 422,
    fr: 'Seuls les dossiers sensibles peuvent être partagés avec des personnes ajoutées.',
    en: 'Only sensitive cases can be shared with added people.',
  },
  sensitive_case_not_publishable: {
    status: 422,
    fr: "Un dossier sensible n'est jamais publié au personnel élargi.",
    en: 'A sensitive case is never published to wider staff.',
  },
  access_already_granted: {
    status: 409,
    fr: 'Cette personne a déjà été ajoutée au dossier.',
    en: 'This person was already added to the case.',
  },
  sensitive_focal_point_required: {
    status: 403,
    fr: 'Seul le point focal des cas sensibles peut rendre ordinaire un dossier sensible.',
    en: 'Only the sensitive-case focal point can make a sensitive case ordinary again.',
  },
  template_unknown_placeholder: {
    status: 422,
    fr: 'Le modèle utilise une variable inconnue pour ce message : utilisez seulement les variables proposées.',
    en: 'The template uses a variable this message does not have: use only the variables offered.',
  },
  outbox_not_retryable: {
    status: 409,
    fr: 'Seul un message en échec ou non envoyé peut être réessayé.',
    en: 'Only a failed or unsent message can be retried.',
  },
  import_rejected: {
    status: 422,
    fr: "L'import contient des lignes en erreur ; rien n'a été importé.",
    en: 'The import has rejected rows; nothing was imported.',
  },
  payload_too_large: {
    status: 413,
    fr: 'Fichier ou requête trop volumineux.',
    en: 'File or request too large.',
  },
  unsupported_media_type: {
    status: 415,
    fr: 'Type de fichier non pris en charge.',
    en: 'Unsupported file type.',
  },
  not_a_spreadsheet: {
    status: 415,
    fr: "Ce fichier n'est ni un tableau CSV (texte) ni un classeur Excel (.xlsx). Enregistrez le tableau au format CSV ou XLSX, puis importez-le.",
    en: 'This file is neither a CSV table (text) nor an Excel workbook (.xlsx). Save the table as CSV or XLSX, then import it.',
  },
  wrong_password: {
    status: 400,
    fr: 'Le mot de passe actuel est incorrect.',
    en: 'The current password is incorrect.',
  },
  too_many_attempts: {
    status: 429,
    fr: 'Trop de tentatives. Réessayez plus tard.',
    en: 'Too many attempts. Try again later.',
  },
  too_many_requests: {
    status: 429,
    fr: 'Trop de requêtes. Réessayez plus tard.',
    en: 'Too many requests. Try again later.',
  },
  verification_failed: {
    status: 403,
    fr: 'Les chiffres ou le code saisis ne correspondent pas.',
    en: 'The digits or the code you entered do not match.',
  },
  otp_expired: {
    status: 403,
    fr: 'Ce code a expiré. Demandez-en un nouveau.',
    en: 'This code has expired. Ask for a new one.',
  },
  no_phone_on_file: {
    status: 422,
    fr: "Aucun numéro de téléphone n'a été donné pour cette plainte : utilisez un autre moyen de contact.",
    en: 'No phone number was given for this complaint: use another way to contact us.',
  },
  answer_not_expected: {
    status: 409,
    fr: "Aucune proposition de résolution n'attend votre réponse pour cette plainte.",
    en: 'No proposed resolution is waiting for your answer on this complaint.',
  },
  rating_not_possible: {
    status: 409,
    fr: "Cette plainte ne peut pas être notée : elle n'est pas clôturée ou a déjà été notée.",
    en: 'This complaint cannot be rated: it is not closed or was already rated.',
  },
  unknown_mutation_type: {
    status: 400,
    fr: "Ce type de modification n'est pas connu du serveur : mettez l'application à jour.",
    en: 'The server does not know this kind of change: update the app.',
  },
  mutation_id_taken: {
    status: 409,
    fr: 'Cet identifiant de modification est déjà utilisé par un autre compte.',
    en: 'This change id is already used by another account.',
  },
  upload_not_found: {
    status: 404,
    fr: 'Ce fichier envoyé est introuvable (expiré ou déjà utilisé) : envoyez-le à nouveau.',
    en: 'This uploaded file cannot be found (expired or already used): upload it again.',
  },
  upload_incomplete: {
    status: 409,
    fr: "Le fichier n'est pas encore entièrement envoyé ; la modification sera réessayée.",
    en: 'The file is not fully uploaded yet; the change will be tried again.',
  },
  upload_too_large: {
    status: 413,
    fr: 'Fichier trop volumineux (10 Mo au plus, 20 Mo pour un enregistrement audio).',
    en: 'File too large (10 MB at most, 20 MB for an audio recording).',
  },
  upload_offset_mismatch: {
    status: 409,
    fr: "La reprise de l'envoi ne correspond pas à ce que le serveur a reçu ; reprise à la bonne position.",
    en: 'The resumed upload does not match what the server received; resuming at the right position.',
  },
  upload_locked: {
    status: 423,
    fr: "Ce fichier est déjà en cours d'envoi ; nouvel essai dans un instant.",
    en: 'This file is already being uploaded; trying again in a moment.',
  },
  tus_version_unsupported: {
    status: 412,
    fr: "Version du protocole d'envoi (tus) non prise en charge : 1.0.0 attendue.",
    en: 'Unsupported upload protocol (tus) version: 1.0.0 expected.',
  },
  export_not_ready: {
    status: 409,
    fr: "Cet export n'est pas encore prêt (ou il a échoué) : consultez son état.",
    en: 'This export is not ready yet (or it failed): check its status.',
  },
  export_expired: {
    status: 410,
    fr: 'Ce fichier exporté a expiré et a été supprimé : relancez l’export.',
    en: 'This exported file has expired and was deleted: run the export again.',
  },
  xlsform_invalid: {
    status: 422,
    fr: "Le formulaire XLSForm contient des erreurs ; rien n'a été publié. Corrigez-les puis importez-le à nouveau.",
    en: 'The XLSForm has errors; nothing was published. Fix them, then import it again.',
  },
  form_version_exists: {
    status: 409,
    fr: 'Cette version du formulaire est déjà publiée : changez la version (onglet settings) avant de publier.',
    en: 'This version of the form is already published: change the version (settings sheet) before publishing.',
  },
  form_invalid: {
    status: 422,
    fr: "Certaines réponses du formulaire sont invalides ; rien n'a été enregistré.",
    en: 'Some answers of the form are invalid; nothing was saved.',
  },
  form_attachment_missing: {
    status: 422,
    fr: 'Un fichier joint au formulaire (photo, enregistrement, signature) est introuvable sur le serveur : envoyez-le à nouveau.',
    en: 'A file attached to the form (photo, recording, signature) cannot be found on the server: upload it again.',
  },
  invalid_transition: {
    status: 409,
    fr: "Cette action n'est pas possible au statut actuel de la tâche.",
    en: 'This action is not possible at the current status of the task.',
  },
  comment_required: {
    status: 422,
    fr: 'Un commentaire est obligatoire pour renvoyer la tâche : dites ce qu’il faut corriger.',
    en: 'A comment is required to return the task: say what must be corrected.',
  },
  prerequisites_missing: {
    status: 409,
    fr: "Des tâches préalables ne sont pas encore terminées ; terminez-les d'abord.",
    en: 'Some prerequisite tasks are not finished yet; finish them first.',
  },
  attachments_missing: {
    status: 409,
    fr: 'Des pièces jointes obligatoires manquent (procès-verbal, photos…) ; ajoutez-les avant de terminer.',
    en: 'Some required attachments are missing (minutes, photos…); add them before finishing.',
  },
  attachment_slot_unknown: {
    status: 422,
    fr: "Cette tâche n'a pas d'emplacement de pièce jointe de ce nom.",
    en: 'This task has no attachment slot of that name.',
  },
  dcc_cycle_name_taken: {
    status: 409,
    fr: 'Un cycle porte déjà ce nom.',
    en: 'A cycle already has this name.',
  },
  dcc_cycle_status: {
    status: 409,
    fr: "Ce changement n'est pas possible au statut actuel du cycle (brouillon → actif → clôturé).",
    en: 'This change is not possible at the current status of the cycle (draft → active → closed).',
  },
  dcc_task_locked: {
    status: 409,
    fr: "Le nom, les instructions et le niveau d'une tâche ne changent que tant que le cycle est un brouillon.",
    en: "A task's name, instructions and level change only while the cycle is a draft.",
  },
  dcc_area_unknown: {
    status: 422,
    fr: "Une des zones choisies n'existe pas.",
    en: 'One of the chosen areas does not exist.',
  },
  dcc_unit_outside_cycle: {
    status: 422,
    fr: "Ce village ou ce CVD n'existe pas ou n'est pas dans les zones du cycle.",
    en: 'This village or CVD does not exist or is not within the areas of the cycle.',
  },
  dcc_unit_not_assigned: {
    status: 422,
    fr: "Ce lieu n'est pas parmi vos villages (ou leur CVD, canton, commune) dans ce cycle.",
    en: 'This place is not among your villages (or their CVD, canton, commune) in this cycle.',
  },
  dcc_place_out_of_area: {
    status: 422,
    fr: 'Cette position GPS est hors du Togo : activez la localisation précise du téléphone et recommencez dehors.',
    en: "This GPS position is outside Togo: turn on the phone's precise location and try again outdoors.",
  },
  dcc_not_facilitator: {
    status: 422,
    fr: "Cette personne n'est pas un facilitateur actif.",
    en: 'This person is not an active facilitator.',
  },
  dcc_prerequisite_invalid: {
    status: 422,
    fr: 'Un prérequis doit être une autre tâche du même cycle, sans former de boucle.',
    en: 'A prerequisite must be another task of the same cycle, without forming a loop.',
  },
  dcc_form_unknown: {
    status: 422,
    fr: "Ce formulaire n'est pas publié : importez-le d'abord.",
    en: 'This form is not published: import it first.',
  },
  dcc_material_file_unknown: {
    status: 422,
    fr: "Ce fichier de support n'appartient pas à cette tâche : envoyez-le à nouveau.",
    en: 'This material file does not belong to this task: upload it again.',
  },
  dcc_seed_unavailable: {
    status: 422,
    fr: "Le modèle COSO n'est pas disponible sur ce serveur : partez d'un cycle existant.",
    en: 'The COSO template is not available on this server: start from an existing cycle.',
  },
  mis_reference_unknown: {
    status: 422,
    fr: 'Code inconnu dans les listes du MIS (composante, secteur, type, étape ou attribut).',
    en: 'Unknown code in the MIS lists (component, sector, type, step or attribute).',
  },
  mis_type_sector_mismatch: {
    status: 422,
    fr: "Ce type d'ouvrage n'appartient pas au secteur choisi.",
    en: 'This structure type does not belong to the chosen sector.',
  },
  mis_unit_level: {
    status: 422,
    fr: 'Un sous-projet se situe dans un village ou un canton.',
    en: 'A sub-project stands in a village or a canton.',
  },
  mis_beneficiary_outside_unit: {
    status: 422,
    fr: 'Les villages bénéficiaires doivent appartenir au canton du sous-projet.',
    en: "Beneficiary villages must lie in the sub-project's canton.",
  },
  step_sequence_invalid: {
    status: 409,
    fr: "Cette étape ne peut pas suivre l'avancement enregistré (ordre des étapes, étape préalable, date ou pourcentage).",
    en: 'This step cannot follow the recorded progress (step order, required step, date or percentage).',
  },
  mis_allocation_unit: {
    status: 422,
    fr: 'Une allocation se fait à un canton ou à un CVD.',
    en: 'An allocation goes to a canton or a CVD.',
  },
  mis_line_already_reversed: {
    status: 409,
    fr: 'Cette ligne est déjà annulée (ou est elle-même une annulation).',
    en: 'This line is already reversed (or is itself a reversal).',
  },
  mis_allocation_in_use: {
    status: 409,
    fr: "Des virements, demandes ou décaissements restent sur cette allocation : annulez-les d'abord.",
    en: 'Transfers, requests or disbursements remain on this allocation: reverse them first.',
  },
  mis_request_state: {
    status: 409,
    fr: "Cette demande de décaissement n'est pas dans l'état voulu (en attente pour décider, approuvée et non décaissée pour décaisser).",
    en: 'This disbursement request is not in the needed state (pending to decide, approved and not yet disbursed to disburse).',
  },
  mis_exchange_rate_missing: {
    status: 422,
    fr: "Aucun taux de change n'est enregistré à cette date.",
    en: 'No exchange rate is recorded at this date.',
  },
  mis_ceiling_exceeded: {
    status: 409,
    fr: 'Ce montant dépasse le plafond restant (contrat ou allocation) ; un dépassement doit être justifié.',
    en: 'This amount exceeds the remaining ceiling (contract or allocation); an overrun must be justified.',
  },
  service_unavailable: {
    status: 503,
    fr: "Le serveur n'a pas pu appliquer cette modification pour l'instant ; elle sera renvoyée.",
    en: 'The server could not apply this change for now; it will be sent again.',
  },
  unavailable: {
    status: 503,
    fr: 'Service momentanément indisponible.',
    en: 'Service temporarily unavailable.',
  },
  internal_error: {
    status: 500,
    fr: 'Erreur interne. Elle a été enregistrée.',
    en: 'Internal error. It has been logged.',
  },
} as const satisfies Record<string, { status: number; fr: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

export function errorMessage(code: ErrorCode, locale: Locale): string {
  return ERRORS[code][locale];
}

/** The JSON body of every error answer. */
export interface ApiErrorBody {
  code: ErrorCode | string;
  message: string;
  details?: unknown;
}
