import { InvalidArgumentError } from '@coin-gnn/graph';

/** What {@link EarlyStopping.update} decided for one epoch. */
export interface EarlyStoppingDecision {
  /** The epoch improved validation loss or accuracy: its weights are the new best. */
  readonly improved: boolean;
  /** Patience ran out: stop training (and restore the best weights). */
  readonly stop: boolean;
}

/**
 * Early stopping of the official COIN protocol (shwangtangjun/COIN graph/train.py): an epoch improves
 * when its validation loss is below the lowest so far **or** its validation accuracy above the highest so
 * far,
 * $$ \ell_t < \min_{s<t} \ell_s \ \lor\ a_t > \max_{s<t} a_s $$
 * (starting from ℓ = ∞ and a = 0); an improving epoch updates both records, resets the counter and its
 * weights become the best; otherwise the counter grows, and training stops once it reaches `patience`.
 * A NaN loss never improves.
 *
 * @throws {@link InvalidArgumentError} if patience is not a positive integer
 */
export class EarlyStopping {
  private bestLoss = Number.POSITIVE_INFINITY;
  private bestAcc = 0;
  private counter = 0;

  /** @param patience - epochs without improvement before stopping (default 50) */
  constructor(readonly patience = 50) {
    if (!Number.isInteger(patience) || patience < 1) {
      throw new InvalidArgumentError('EarlyStopping', 'patience', patience, 'a positive integer');
    }
  }

  /** Records one epoch's validation loss and accuracy. */
  update(valLoss: number, valAcc: number): EarlyStoppingDecision {
    const improved = valLoss < this.bestLoss || valAcc > this.bestAcc;
    if (improved) {
      this.bestLoss = Math.min(valLoss, this.bestLoss);
      this.bestAcc = Math.max(valAcc, this.bestAcc);
      this.counter = 0;
    } else {
      this.counter += 1;
    }
    return { improved, stop: this.counter >= this.patience };
  }
}
