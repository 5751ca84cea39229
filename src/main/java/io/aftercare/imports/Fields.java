package io.aftercare.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.regex.Pattern;

/** Reading a line's values, each bad value a problem at its line and column (null then). */
public final class Fields {

  private final Csv.Row row;
  private final ImportKind.Problems problems;

  public Fields(Csv.Row row, ImportKind.Problems problems) {
    this.row = row;
    this.problems = problems;
  }

  public int line() {
    return row.line();
  }

  public void problem(String column, String message) {
    problems.add(row.line(), column, message);
  }

  /** The text of a column, checked against a pattern and a length; null when blank and optional. */
  public String text(String column, boolean required, int maxLength, Pattern pattern, String patternMessage) {
    String value = row.get(column);
    if (value == null) {
      if (required) {
        problem(column, "is required");
      }
      return null;
    }
    if (value.length() > maxLength) {
      problem(column, "must be at most " + maxLength + " characters (has " + value.length() + ")");
      return null;
    }
    if (pattern != null && !pattern.matcher(value).matches()) {
      problem(column, patternMessage);
      return null;
    }
    return value;
  }

  public String text(String column, boolean required, int maxLength) {
    return text(column, required, maxLength, null, null);
  }

  public LocalDate date(String column, boolean required) {
    String value = text(column, required, 10);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      problem(column, "must be a date as 2026-03-31 (is \"" + value + "\")");
      return null;
    }
  }

  public Boolean bool(String column, Boolean ifBlank) {
    String value = row.get(column);
    if (value == null) {
      return ifBlank;
    }
    return switch (value.toLowerCase()) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> {
        problem(column, "must be true or false (is \"" + value + "\")");
        yield null;
      }
    };
  }

  public Integer positiveInt(String column, Integer ifBlank) {
    String value = row.get(column);
    if (value == null) {
      return ifBlank;
    }
    try {
      int number = Integer.parseInt(value);
      if (number > 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problem(column, "must be a whole number above 0 (is \"" + value + "\")");
    return null;
  }

  /** An amount with at most two decimals, not negative. */
  public BigDecimal amount(String column) {
    String value = text(column, true, 16);
    if (value == null) {
      return null;
    }
    try {
      BigDecimal amount = new BigDecimal(value);
      if (amount.signum() >= 0 && amount.scale() <= 2 && amount.precision() - amount.scale() <= 10) {
        return amount;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problem(column, "must be an amount such as 129.00, not negative, at most two decimals (is \"" + value + "\")");
    return null;
  }

  public <E extends Enum<E>> E choice(String column, Class<E> type, boolean required) {
    String value = text(column, required, 40);
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.toUpperCase().replace('-', '_'));
    } catch (IllegalArgumentException e) {
      problem(column, "must be one of " + String.join(", ",
          Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()) + " (is \"" + value + "\")");
      return null;
    }
  }
}
