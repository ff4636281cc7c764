export * from './feel-expression';
