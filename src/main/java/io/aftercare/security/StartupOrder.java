package io.aftercare.security;

/** The order of Aftercare's start-up steps (ApplicationRunner order): who exists before what uses them. */
public final class StartupOrder {
  public static final int IDENTITY = 10;
  public static final int DEPLOYMENT = 20;
  public static final int TASKLIST_FILTERS = 30;
  public static final int DEMO_DATA = 40;
  public static final int BANNER = 100;

  private StartupOrder() {}
}
