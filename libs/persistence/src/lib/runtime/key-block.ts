import type { KeyGenerator } from '@laufweg/bpmn-engine';
import type { PoolClient } from 'pg';

/** Keys per value of engine_key_seq (its INCREMENT BY). */
export const KEY_BLOCK_SIZE = 100;

/** Thrown when a command needs more keys than were reserved; the command is run again with more. */
export class KeysExhaustedError extends Error {}

/**
 * Keys for one command, reserved from the database sequence after the instance lock is taken,
 * so keys of one instance tree grow with the order of its commands on any engine process.
 */
export class KeyBlock implements KeyGenerator {
  private next_ = 0;
  private constructor(private readonly starts: readonly bigint[]) {}

  static async reserve(client: PoolClient, blocks: number): Promise<KeyBlock> {
    const { rows } = await client.query<{ start: string }>(`SELECT nextval('engine_key_seq') AS start FROM generate_series(1, $1::int)`, [blocks]);
    return KeyBlock.of(rows.map((row) => row.start));
  }

  /** A block over sequence values already taken (e.g. by the load query, in the same round trip). */
  static of(starts: readonly string[]): KeyBlock {
    return new KeyBlock(starts.map((start) => BigInt(start)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  next(): string {
    const block = Math.floor(this.next_ / KEY_BLOCK_SIZE);
    if (block >= this.starts.length) throw new KeysExhaustedError(`The command needs more than ${this.starts.length * KEY_BLOCK_SIZE} keys.`);
    const key = this.starts[block] + BigInt(this.next_ % KEY_BLOCK_SIZE);
    this.next_++;
    return key.toString();
  }
}
