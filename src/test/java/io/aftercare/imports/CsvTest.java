package io.aftercare.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** CSV as spreadsheets write it (RFC 4180), each record at the line a spreadsheet shows. */
class CsvTest {

  @Test
  void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
    Csv.Table table = Csv.read("\uFEFFSKU,Name_EN\r\nA-1,\"Mask, sheet\"\r\nA-2,\"The \"\"best\"\" cream\"\r\n"
        + "A-3,\"two\nlines\"\r\nA-4,\r\n");

    assertThat(table.columns()).containsExactly("sku", "name_en");
    assertThat(table.rows()).extracting(Csv.Row::line).containsExactly(2, 3, 4, 6);
    assertThat(table.rows().get(0).get("name_en")).isEqualTo("Mask, sheet");
    assertThat(table.rows().get(1).get("name_en")).isEqualTo("The \"best\" cream");
    assertThat(table.rows().get(2).get("name_en")).isEqualTo("two\nlines");
    assertThat(table.rows().get(3).get("name_en")).as("blank is null").isNull();
  }

  @Test
  void skipsBlankLinesAndMarksRowsWithTooManyValues() {
    Csv.Table table = Csv.read("a,b\n1,2\n,\n3,4,5\n6\n, ,\n");

    assertThat(table.rows()).extracting(Csv.Row::line).containsExactly(2, 4, 5);
    assertThat(table.rows().get(1).values()).containsEntry(Csv.EXTRA, "3");
    assertThat(table.rows().get(2).get("b")).isNull();
  }

  @Test
  void anUnclosedQuoteIsMalformedAtItsLine() {
    assertThatThrownBy(() -> Csv.read("a,b\n1,2\n3,\"open\n4,5\n"))
        .isInstanceOf(Csv.Malformed.class)
        .hasMessageContaining("line 3");
    assertThatThrownBy(() -> Csv.read("")).isInstanceOf(Csv.Malformed.class);
  }
}
