package io.aftercare.api;

/** The request is valid but the case is not in a state to take it: a 409. */
public class CaseStateException extends RuntimeException {
  public CaseStateException(String message) {
    super(message);
  }
}
