// The workspace compiles with moduleResolution "node", which ignores package.json "exports", so
// graphql-ws's `use/ws` subpath has no types for tsc. Node resolves it at run time; this only
// points the type checker at the declarations the package ships.
declare module 'graphql-ws/use/ws' {
  export * from 'graphql-ws/dist/use/ws';
}
