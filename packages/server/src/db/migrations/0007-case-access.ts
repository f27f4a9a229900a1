/** Placeholder: filled by the sensitive-case access, referral and publication-review work. */
export const sql = /* sql */ `
select 1;
`;
