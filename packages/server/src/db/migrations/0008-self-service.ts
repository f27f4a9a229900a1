/** Placeholder: filled by the citizen self-service work. */
export const sql = /* sql */ `
select 1;
`;
