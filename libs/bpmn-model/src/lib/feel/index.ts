export * from './feel-expression';
export * from './feel-unary-tests';
