/** A message tree's shape: the same keys as the English one, each leaf a string. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
