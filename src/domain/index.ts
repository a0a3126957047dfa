// The domain's public API: schemas, types and the only functions that compute budget, EK, rules and findings.
export * from './amount';
export * from './budget';
export * from './equity';
export * from './empty-forbund';
export * from './errors';
export * from './findings';
export * from './format';
export * from './goals';
export * from './must';
export * from './parse';
export * from './plan-text';
export * from './printed';
export * from './rules';
export * from './schema';
