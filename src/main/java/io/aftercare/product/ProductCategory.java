package io.aftercare.product;

/** Product categories; in CN, sun protection and hair colouring are "special" (registered) cosmetics. */
public enum ProductCategory {
  SKINCARE, MAKEUP, SUN_PROTECTION, HAIR_COLOURING, HAIRCARE, FRAGRANCE, BODY_CARE;

  /** Special cosmetics in China (registration with the NMPA rather than notification). */
  public boolean specialInChina() {
    return this == SUN_PROTECTION || this == HAIR_COLOURING;
  }
}
