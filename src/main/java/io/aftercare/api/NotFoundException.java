package io.aftercare.api;

/** Something the request names does not exist: answered with 404 problem details. */
public class NotFoundException extends RuntimeException {

  private final String kind;
  private final String key;

  public NotFoundException(String kind, String key) {
    super("No " + kind + " " + key);
    this.kind = kind;
    this.key = key;
  }

  public String kind() {
    return kind;
  }

  public String key() {
    return key;
  }
}
