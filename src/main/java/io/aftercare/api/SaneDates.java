package io.aftercare.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the API reads strictly, beyond spring.jackson's settings: dates lie between 1900 and 2100 (a
 * year like {@code -0001} or {@code +999999} is a client's mistake, a 400 naming the field, not
 * something for the calendars to choke on) and are ISO dates only ({@code 2026-11-20}); date-times
 * carry their offset; a text holds no control characters other than tab and line breaks (PostgreSQL
 * refuses U+0000 in text); a number or true/false is not taken for a text, nor a text for a number.
 */
@Configuration
public class SaneDates {

  public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
  public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
  public static final String RANGE = "must be a date between " + EARLIEST + " and " + LATEST;

  @Bean
  SimpleModule saneDatesModule() {
    SimpleModule module = new SimpleModule("aftercare-sane-dates");
    module.addDeserializer(LocalDate.class, new JsonDeserializer<>() {
      private final LocalDateDeserializer iso = new LocalDateDeserializer(DateTimeFormatter.ISO_LOCAL_DATE);

      @Override
      public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = parser.getValueAsString();
        if (text != null && !text.matches("\\d{4}-\\d{2}-\\d{2}")) {
          throw InvalidFormatException.from(parser, "must be a date like 2026-11-20", text, LocalDate.class);
        }
        LocalDate date = iso.deserialize(parser, context);
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
          throw InvalidFormatException.from(parser, RANGE, text, LocalDate.class);
        }
        return date;
      }
    });
    module.addDeserializer(OffsetDateTime.class, new JsonDeserializer<>() {
      @Override
      public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        // an ISO-8601 text with its offset; not epoch seconds, not a text with anything around it
        if (!parser.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)
            || !parser.getText().matches("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+(Z|[+-]\\d{2}:\\d{2})")) {
          throw InvalidFormatException.from(parser, "must be a date-time with its offset, like 2026-11-20T10:00:00+08:00",
              parser.getValueAsString(), OffsetDateTime.class);
        }
        OffsetDateTime value = InstantDeserializer.OFFSET_DATE_TIME.deserialize(parser, context);
        if (value != null && (value.toLocalDate().isBefore(EARLIEST) || value.toLocalDate().isAfter(LATEST))) {
          throw InvalidFormatException.from(parser, RANGE, parser.getValueAsString(), OffsetDateTime.class);
        }
        return value;
      }
    });
    // Jackson finds an enumeration's value after trimming the text ("refund\u0000" is refund): not here
    module.setDeserializerModifier(new com.fasterxml.jackson.databind.deser.BeanDeserializerModifier() {
      @Override
      public JsonDeserializer<?> modifyEnumDeserializer(com.fasterxml.jackson.databind.DeserializationConfig config,
          com.fasterxml.jackson.databind.JavaType type, com.fasterxml.jackson.databind.BeanDescription description,
          JsonDeserializer<?> deserializer) {
        return new StrictEnum(deserializer, type.getRawClass());
      }
    });
    module.addDeserializer(String.class, new JsonDeserializer<>() {
      @Override
      public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
          return (String) context.handleUnexpectedToken(String.class, parser);
        }
        String text = parser.getText();
        for (int i = 0; i < text.length(); i++) {
          char c = text.charAt(i);
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            throw InvalidFormatException.from(parser, "must not contain control characters (U+"
                + String.format("%04X", (int) c) + ")", text, String.class);
          }
        }
        return text;
      }
    });
    return module;
  }

  /** An enumeration's value exactly as written: no surrounding blanks, no control characters. */
  static final class StrictEnum extends JsonDeserializer<Object>
      implements com.fasterxml.jackson.databind.deser.ContextualDeserializer {

    private final JsonDeserializer<?> delegate;
    private final Class<?> type;

    StrictEnum(JsonDeserializer<?> delegate, Class<?> type) {
      this.delegate = delegate;
      this.type = type;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext context,
        com.fasterxml.jackson.databind.BeanProperty property) throws com.fasterxml.jackson.databind.JsonMappingException {
      JsonDeserializer<?> contextual = delegate instanceof com.fasterxml.jackson.databind.deser.ContextualDeserializer c
          ? c.createContextual(context, property) : delegate;
      return new StrictEnum(contextual, type);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (parser.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
        String text = parser.getText();
        if (!text.equals(text.strip()) || text.chars().anyMatch(c -> c < 0x20)) {
          throw InvalidFormatException.from(parser, "not one of the values", text, type);
        }
      }
      return delegate.deserialize(parser, context);
    }
  }

  /** No scalar coercion: 1 is not the text "1", "1" is not the number 1, 1.5 is not the whole number 1. */
  @Bean
  org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer strictScalars() {
    return builder -> builder.postConfigurer(mapper -> {
      mapper.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Textual)
          .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer,
              com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
          .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float,
              com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
          .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Boolean,
              com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
      mapper.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Boolean)
          .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer,
              com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
      for (com.fasterxml.jackson.databind.type.LogicalType type : new com.fasterxml.jackson.databind.type.LogicalType[] {
          com.fasterxml.jackson.databind.type.LogicalType.Integer, com.fasterxml.jackson.databind.type.LogicalType.Float,
          com.fasterxml.jackson.databind.type.LogicalType.Boolean}) {
        mapper.coercionConfigFor(type).setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.String,
            com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
        mapper.coercionConfigFor(type).setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.EmptyString,
            com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
      }
    });
  }
}
