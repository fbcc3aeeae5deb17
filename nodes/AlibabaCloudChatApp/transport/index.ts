// The transport's public surface: operations, list searches and the trigger import from here.
export * from './request';
export * from './pagination';
