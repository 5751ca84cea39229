package io.aftercare.notification;

/** How a notification travels. */
public enum Channel { EMAIL, SMS }
