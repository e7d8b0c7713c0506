export * from './alliance'
export * from './auth'
export * from './network'
