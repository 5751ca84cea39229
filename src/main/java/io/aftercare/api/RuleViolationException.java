package io.aftercare.api;

/**
 * A request the domain cannot take for a reason of its own rules, not of the request's form (a
 * date outside the calendars, for one): answered with 400 problem details carrying the title.
 * Domain packages extend it, so that {@code api} depends on none of them.
 */
public class RuleViolationException extends RuntimeException {

  private final String title;

  public RuleViolationException(String title, String message) {
    super(message);
    this.title = title;
  }

  public String title() {
    return title;
  }
}
