export * from './applicants.ts';
export * from './metrics.ts';
export * from './identities.ts';
export * from './rules.ts';
export * from './contract.ts';
