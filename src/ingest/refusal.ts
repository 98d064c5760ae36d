/**
 * An expected reason not to ingest a file. The CLI prints its message as one line, with no stack
 * trace; anything else that is thrown is a bug and keeps its stack.
 */
export class Refusal extends Error {
  override readonly name = 'Refusal';
}

export function refuse(message: string): never {
  throw new Refusal(message);
}
