package io.aftercare.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * A long list in consecutive pieces: for batched statements and for {@code in (…)} look-ups,
 * which databases limit in length.
 */
public final class Chunks {

  private Chunks() {}

  public static <T> List<List<T>> of(List<T> all, int size) {
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < all.size(); from += size) {
      chunks.add(all.subList(from, Math.min(all.size(), from + size)));
    }
    return chunks;
  }
}
