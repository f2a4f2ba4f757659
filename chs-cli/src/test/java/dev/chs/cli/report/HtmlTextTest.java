package dev.chs.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {
  @Test
  void escapesMarkupAndQuotes() {
    assertThat(HtmlText.escape("<a href=\"x\">Tom & Jerry's</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  }

  @Test
  void writesCharactersBeyondAsciiAsReferences() {
    assertThat(HtmlText.escape("Caf\u00e9 \u65e5\u672c \uD83D\uDE00"))
        .isEqualTo("Caf&#xE9; &#x65E5;&#x672C; &#x1F600;");
  }

  @Test
  void replacesControlCharactersAndLoneSurrogates() {
    assertThat(HtmlText.escape("a\u0000b\u0007c\tz\n\u0085\uD800"))
        .isEqualTo("a&#xFFFD;b&#xFFFD;c\tz\n&#xFFFD;&#xFFFD;");
  }

  @Test
  void leavesPlainTextAlone() {
    assertThat(HtmlText.escape("A-0001 sales 42")).isEqualTo("A-0001 sales 42");
  }
}
