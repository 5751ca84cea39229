package io.aftercare.customer;

/** Customer value, from yearly spend and purchase frequency; high-value customers are served sooner. */
public enum CustomerTier {
  HIGH, MEDIUM, LOW
}
