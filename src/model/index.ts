export * from './example.ts';
export * from './kinds.ts';
export * from './migrations.ts';
export * from './paths.ts';
export * from './restore.ts';
export * from './rules.ts';
export * from './schema.ts';
export * from './types.ts';
