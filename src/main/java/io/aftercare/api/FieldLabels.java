package io.aftercare.api;

import java.util.Optional;

/**
 * A form field's label, by its key ("purchaseDate" → "Purchase date / 购买日期"): a refused form
 * submission names each field as the form shows it, so that the agent finds it (the features'
 * forms know the labels; problem details know none of the features).
 */
public interface FieldLabels {

  Optional<String> of(String field);

  FieldLabels NONE = field -> Optional.empty();
}
