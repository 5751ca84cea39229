package io.aftercare.security;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;

/** Adds demo records that are not there yet, so that demo seeding is safe on every start. */
public final class DemoData {

  private DemoData() {}

  public static <T> void addMissing(Logger log, String what, List<T> records, Predicate<T> exists,
      Consumer<T> add) {
    int added = 0;
    for (T record : records) {
      if (!exists.test(record)) {
        add.accept(record);
        added++;
      }
    }
    if (added > 0) {
      log.info("Demo mode: added {} {}", added, what);
    }
  }
}
