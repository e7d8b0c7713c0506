export * from './alliance'
export * from './auth'
export * from './network'
export * from './booking'
