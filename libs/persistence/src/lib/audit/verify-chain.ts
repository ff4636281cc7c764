import { type AuditEntry, GENESIS_HASH, hashAuditEntry } from './audit-entry';

/** The outcome of checking one tenant's chain. */
export interface ChainVerification {
  readonly ok: boolean;
  /** Entries checked (up to and including the first broken one). */
  readonly entries: number;
  /** The first seq whose link does not hold: changed, missing, or not where the chain says. */
  readonly firstBrokenSeq?: number;
  readonly reason?: string;
}

/** Where the chain's end should be, as `audit_head` records it. */
export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

/**
 * Checks a chain entry by entry, for chains too long to hold in memory; pure. Feed the entries
 * in stored seq order with `push` (it answers false once a link is broken; later entries are
 * ignored), then `finish` with the head.
 */
export class ChainVerifier {
  private previous: AuditEntry | undefined;
  private checked = 0;
  private broken: { seq: number; reason: string } | undefined;

  push(entry: AuditEntry): boolean {
    if (this.broken) return false;
    this.checked++;
    const expectedSeq = (this.previous?.seq ?? 0) + 1;
    if (entry.seq > expectedSeq) {
      return this.fail(expectedSeq, `entry ${expectedSeq} is missing: the next stored entry is ${entry.seq}`);
    }
    if (entry.seq < expectedSeq) return this.fail(entry.seq, `entry ${entry.seq} is out of order (expected ${expectedSeq})`);
    const expectedPrev = this.previous?.hash ?? GENESIS_HASH;
    if (entry.prevHash !== expectedPrev) {
      return this.fail(entry.seq, entry.seq === 1 ? 'entry 1 does not start from the genesis hash' : `entry ${entry.seq} does not link to entry ${entry.seq - 1}: one of them was changed or replaced`);
    }
    const { hash, ...unhashed } = entry;
    if (hashAuditEntry(unhashed) !== hash) return this.fail(entry.seq, `entry ${entry.seq} was changed: its content does not match its hash`);
    this.previous = entry;
    return true;
  }

  finish(head?: ChainHead): ChainVerification {
    if (!this.broken && head) this.checkHead(head);
    if (this.broken) return { ok: false, entries: this.checked, firstBrokenSeq: this.broken.seq, reason: this.broken.reason };
    return { ok: true, entries: this.checked };
  }

  private checkHead(head: ChainHead): void {
    const last = this.previous;
    const lastSeq = last?.seq ?? 0;
    if (lastSeq < head.seq) {
      this.fail(lastSeq + 1, `entries ${lastSeq + 1} to ${head.seq} are missing: the chain head records ${head.seq}`);
    } else if (lastSeq > head.seq) {
      this.fail(head.seq + 1, `entry ${head.seq + 1} lies beyond the chain head (${head.seq}): it was inserted outside the chain`);
    } else if ((last?.hash ?? GENESIS_HASH) !== head.hash) {
      this.fail(Math.max(lastSeq, 1), `the last entry's hash differs from the one the chain head records`);
    }
  }

  private fail(seq: number, reason: string): false {
    this.broken = { seq, reason };
    return false;
  }
}

/**
 * Checks one tenant's chain: seq runs 1, 2, 3, ... without gaps, each entry links to the
 * previous entry's hash (the first to GENESIS_HASH), each entry's hash matches its content
 * (hashAuditEntry), and, given the head, the chain ends where the head says. Reports the first
 * broken link: a changed row breaks at that row, a deleted one where it is missing, a row
 * inserted out of order where it does not fit.
 */
export function verifyChain(entries: Iterable<AuditEntry>, head?: ChainHead): ChainVerification {
  const verifier = new ChainVerifier();
  for (const entry of entries) if (!verifier.push(entry)) break;
  return verifier.finish(head);
}
