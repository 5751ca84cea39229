package io.aftercare.casefile;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens cases: a new case number and its case-file row, the anchor of every process on the case. */
@Service
public class CaseFiles {

  private final CaseNumbers numbers;
  private final JdbcClient jdbc;

  CaseFiles(CaseNumbers numbers, JdbcClient jdbc) {
    this.numbers = numbers;
    this.jdbc = jdbc;
  }

  /** Opens a case for the customer (null when not yet known) and returns its case number. */
  @Transactional
  public String open(Long customerId) {
    return open(customerId, null, null);
  }

  /**
   * Opens a case that came in through an intake channel (PHONE, WEB, WECHAT, ...; null when the
   * request came from a back-office system). The case keeps the customer's market (else the given
   * one, for a caller not yet known) and the channel: the reports filter by both.
   */
  @Transactional
  public String open(Long customerId, String market, String channel) {
    String caseNumber = numbers.next();
    jdbc.sql("insert into case_file (case_number, customer_id, market, channel)"
            + " values (?, ?, coalesce((select market from customer where id = ?), ?), ?)")
        .params(caseNumber, customerId, customerId, market, channel).update();
    return caseNumber;
  }

  /** The customer of the case; empty when the case is unknown or its customer not yet identified. */
  public java.util.Optional<Long> customerOf(String caseNumber) {
    return jdbc.sql("select customer_id from case_file where case_number = ? and customer_id is not null")
        .param(caseNumber).query(Long.class).optional();
  }

  public boolean exists(String caseNumber) {
    return jdbc.sql("select count(*) from case_file where case_number = ?")
        .param(caseNumber).query(Integer.class).single() > 0;
  }
}
