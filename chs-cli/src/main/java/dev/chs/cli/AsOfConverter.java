package dev.chs.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an as-of instant from the command line, as the data files write timestamps: a date such as
 * {@code 2026-11-30}, meaning 00:00 UTC, or an ISO-8601 instant with {@code Z} or an offset, such
 * as {@code 2026-11-30T12:00:00Z} or {@code 2026-11-30T14:00:00+02:00}. A date and time without an
 * offset is refused rather than guessed at.
 */
final class AsOfConverter implements ITypeConverter<Instant> {
  @Override
  public Instant convert(String text) {
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      throw new TypeConversionException(
          "expected a date such as 2026-11-30 or an instant such as 2026-11-30T00:00:00Z, was '"
              + text + "'");
    }
  }
}
