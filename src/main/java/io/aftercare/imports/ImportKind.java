package io.aftercare.imports;

import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * One kind of CSV import (products, batches, customers, orders): its columns, who may import it,
 * how a line is read and checked, and how the checked records are written. {@link DataImports}
 * runs it: every line is checked first; a file with a problem on any line imports nothing.
 *
 * @param <T> the record one line becomes
 */
public interface ImportKind<T> {

  /**
   * What the kind is: its name in {@code POST /api/imports/{kind}}, the columns every file must
   * have (the header names them, in any order), the columns it may have besides, and the groups
   * who may import it and read its imports.
   */
  Spec spec();

  record Spec(String name, List<String> requiredColumns, List<String> optionalColumns, Set<String> groups) {}

  /** The record of one line read on its own, or null after adding its problems. */
  T parse(Csv.Row row, Problems problems);

  /** Checks across lines and against the database (a SKU that does not exist, a line twice). */
  default void check(List<Line<T>> lines, Problems problems) {}

  /**
   * Writes every record, inside the import's one transaction, calling {@code progress} with the
   * number of lines written so far; answers how many records (products, orders …) were written.
   */
  int write(List<Line<T>> lines, IntConsumer progress);

  /** A checked record and the line it came from. */
  record Line<T>(int line, T record) {}

  /** The problems of a file, each at its line and column; the first ones are kept, all are counted. */
  final class Problems {
    static final int KEPT = 1000;
    private final List<LineProblem> kept = new java.util.ArrayList<>();
    private int count;

    public void add(int line, String column, String message) {
      count++;
      if (kept.size() < KEPT) {
        kept.add(new LineProblem(line, column, message));
      }
    }

    public boolean isEmpty() {
      return count == 0;
    }

    public int count() {
      return count;
    }

    List<LineProblem> kept() {
      return kept.stream().sorted(java.util.Comparator.comparingInt(LineProblem::line)).toList();
    }
  }

  /** A problem of a file: its line (the header is line 1), its column, and what is wrong. */
  record LineProblem(int line, String column, String message) {}
}
