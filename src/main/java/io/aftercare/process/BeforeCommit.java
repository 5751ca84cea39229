package io.aftercare.process;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Changes to shared tallies (a day's clock roll-up, a team's count of open tasks) that a
 * transaction collects and writes just before it commits, so that the tally's row is locked only
 * while the transaction commits, not while the rest of its engine command runs: every finishing
 * clock or new task of a team lands on one row, which concurrent cases would otherwise queue for.
 */
public final class BeforeCommit {

  /** The order tallies are written in within a transaction. */
  public static final int CLOCK_DAYS = 1;
  public static final int OPEN_TASKS = 2;

  private BeforeCommit() {}

  /**
   * The changes {@code owner} has collected in the current transaction, bound to it on first use
   * ({@code fresh}) and handed to {@code write} just before the transaction commits. Rows are
   * locked in one order, so that two transactions never wait for each other in a circle: the
   * owners' tallies by {@code order} (Spring runs the synchronizations so sorted), and within one
   * tally in the order its map keeps its keys. Null without a transaction: the caller writes at
   * once. A transaction started inside this one (REQUIRES_NEW) collects its own.
   */
  public static <K, V> Map<K, V> changes(Object owner, int order, Supplier<Map<K, V>> fresh,
      Consumer<Map<K, V>> write) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    @SuppressWarnings("unchecked")
    Map<K, V> pending = (Map<K, V>) TransactionSynchronizationManager.getResource(owner);
    if (pending != null) {
      return pending;
    }
    Map<K, V> changes = fresh.get();
    TransactionSynchronizationManager.bindResource(owner, changes);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public int getOrder() {
        return order;
      }

      @Override
      public void beforeCommit(boolean readOnly) {
        TransactionSynchronizationManager.unbindResource(owner);
        write.accept(changes);
      }

      @Override
      public void suspend() {
        TransactionSynchronizationManager.unbindResourceIfPossible(owner);
      }

      @Override
      public void resume() {
        TransactionSynchronizationManager.bindResource(owner, changes);
      }

      @Override
      public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(owner);
      }
    });
    return changes;
  }
}
