// The transport's public surface: everything outside transport/ imports from here (a test keeps
// it so). Modules inside transport/ import each other directly, so no load order depends on this
// file. Signing, pacing, retries and parameter placement stay internal.
export * from './credentialTest';
export * from './errors';
export * from './instances';
export * from './media';
export * from './oss';
export * from './pagination';
export * from './queue';
export * from './request';
export * from './templates';
export * from './webhooks';
