// Helpers to name API types after operations (as src/api/types.ts does), for this feature.
export type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type Ok<Op> = Op extends { responses: infer R }
  ? R extends { 200: infer S }
    ? JsonOf<S>
    : R extends { 201: infer S }
      ? JsonOf<S>
      : never
  : never;
export type BodyOf<Op> = Op extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;
