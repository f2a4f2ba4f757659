package dev.chs.cli.report;

import java.util.Locale;

/**
 * Escapes text for HTML, so that input text such as account names can never become markup.
 *
 * <p>The result is safe both as element text and inside a quoted attribute value, and it is plain
 * ASCII: every character beyond ASCII is written as a numeric character reference. So the page
 * reads the same whatever charset the caller's {@link java.io.Writer} encodes with. Control
 * characters other than tab, line feed and carriage return, and unpaired surrogates, have no
 * place in HTML text; each becomes U+FFFD, the replacement character.
 *
 * <p>Stateless and thread-safe.
 */
final class HtmlText {
  private static final int REPLACEMENT = 0xFFFD;

  private HtmlText() {}

  /**
   * Escapes text for an HTML text or quoted attribute context.
   *
   * @param text any text; never null
   * @return the escaped text, ASCII only
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    int i = 0;
    while (i < text.length()) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> append(out, c);
      }
    }
    return out.toString();
  }

  private static void append(StringBuilder out, int c) {
    boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c < 0xA0);
    if (control || Character.getType(c) == Character.SURROGATE) {
      reference(out, REPLACEMENT);
    } else if (c < 0x80) {
      out.append((char) c);
    } else {
      reference(out, c);
    }
  }

  private static void reference(StringBuilder out, int c) {
    out.append("&#x").append(Integer.toHexString(c).toUpperCase(Locale.ROOT)).append(';');
  }
}
