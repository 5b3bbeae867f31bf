// Customers: the people who book, their CSV import and export, and merging duplicates. The only
// door into this folder.
export { createCustomerCsv } from './csv.js';
export { createCustomerService } from './customers.js';
export type { CustomerService } from './customers.js';
export { createCustomerMerge } from './merge.js';
