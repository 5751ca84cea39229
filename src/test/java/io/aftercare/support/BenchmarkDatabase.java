package io.aftercare.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL database of a benchmark: {@code -Dbenchmark.server} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/}), {@code -Dbenchmark.database} (the benchmark's own
 * default), {@code -Dbenchmark.user} ({@code postgres}), {@code -Dbenchmark.password} (empty).
 */
public record BenchmarkDatabase(String server, String database, String user, String password) {

  public static BenchmarkDatabase of(String defaultName) {
    return new BenchmarkDatabase(System.getProperty("benchmark.server", "jdbc:postgresql://127.0.0.1:5432/"),
        System.getProperty("benchmark.database", defaultName), System.getProperty("benchmark.user", "postgres"),
        System.getProperty("benchmark.password", ""));
  }

  public String url() {
    return server + database;
  }

  /** Creates the database when missing (a later run reuses what an earlier one loaded). */
  public BenchmarkDatabase created() throws SQLException {
    try (Connection admin = DriverManager.getConnection(server + "postgres", user, password);
         Statement statement = admin.createStatement();
         ResultSet exists = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
      if (!exists.next()) {
        statement.execute("create database " + database);
      }
    }
    return this;
  }

  /**
   * Analyzes the whole database. This machine's PostgreSQL runs without autovacuum; production's
   * would have analyzed what a benchmark loaded or what a round added.
   */
  public void analyze() throws SQLException {
    try (Connection connection = DriverManager.getConnection(url(), user, password);
         Statement statement = connection.createStatement()) {
      statement.execute("analyze");
    }
  }

  /** Drops the database and creates it empty. */
  public BenchmarkDatabase fresh() throws SQLException {
    try (Connection admin = DriverManager.getConnection(server + "postgres", user, password);
         Statement statement = admin.createStatement()) {
      statement.execute("drop database if exists " + database);
      statement.execute("create database " + database);
    }
    return this;
  }
}
