package dev.chs.cli.report;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.signal.Complaint;
import dev.chs.api.signal.Contract;
import dev.chs.api.signal.SentimentSample;
import dev.chs.api.signal.Signal;
import dev.chs.api.signal.SupportCase;
import dev.chs.api.signal.UsageSample;
import dev.chs.cli.data.DataSetSummary;
import dev.chs.cli.data.ReadCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small portfolio whose input text tries to break out of the page: an account name with a
 * script, quotes, an ampersand and letters beyond ASCII; a cloud named like an image tag; a title
 * and a file name with markup. Its first account is in trouble and shows distress, so that its
 * name, cloud and reasons reach the watchlist.
 */
final class HostileNames {
  static final String NAME = "<script>alert('pwned')</script> & \"Quoted\" Caf\u00e9 S\u00f8rensen";
  static final String ESCAPED_NAME =
      "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt; &amp; &quot;Quoted&quot;"
          + " Caf&#xE9; S&#xF8;rensen";
  /** How a browser serializes the name's text node again, in its DOM. */
  static final String ESCAPED_IN_DOM = "&lt;script&gt;alert('pwned')&lt;/script&gt; &amp;";
  static final String CLOUD = "<img src=x onerror=alert(1)>";
  static final String ESCAPED_CLOUD = "&lt;img src=x onerror=alert(1)&gt;";
  static final String TITLE = "Q4 <b>review</b> & 'more'";
  static final String FILE = "<i>cases</i>.csv";

  static final AccountId TROUBLED = AccountId.of("A-<1>");
  static final AccountId STEADY = AccountId.of("A-2");

  private HostileNames() {}

  /**
   * Returns the report's data for the portfolio, as of {@link SampleReport#AS_OF}.
   *
   * @return the data
   */
  static ReportData data() {
    Instant t = SampleReport.AS_OF;
    CloudId hostile = CloudId.of(CLOUD);
    CloudId sales = CloudId.of("sales");
    List<Signal> signals = new ArrayList<>();
    signals.add(new Contract(TROUBLED, hostile, 120_000, t.plus(Duration.ofDays(200))));
    signals.add(new Contract(STEADY, sales, 40_000, t.plus(Duration.ofDays(100))));
    for (int i = 0; i < 12; i++) {
      Instant opened = t.minus(Duration.ofDays(5 + 6 * i));
      signals.add(new SupportCase("C-" + i, TROUBLED, hostile, opened, null, null));
      signals.add(new SentimentSample(TROUBLED, hostile, opened, -0.8));
      signals.add(new UsageSample(TROUBLED, hostile, opened, 4, 100));
      signals.add(new UsageSample(STEADY, sales, opened, 88, 100));
      signals.add(new SentimentSample(STEADY, sales, opened, 0.6));
    }
    signals.add(new SupportCase("C-wide", TROUBLED, CloudId.ACCOUNT_WIDE,
        t.minus(Duration.ofDays(3)), null, null));
    signals.add(new SupportCase("C-s", STEADY, sales, t.minus(Duration.ofDays(20)),
        t.minus(Duration.ofDays(19)), true));
    for (int i = 0; i < 3; i++) {
      signals.add(new Complaint("K-" + i, TROUBLED, hostile, t.minus(Duration.ofDays(10 + i))));
    }
    Map<AccountId, String> names = Map.of(TROUBLED, NAME, STEADY, "Steady & Sons");
    Map<String, ReadCounts> files = new LinkedHashMap<>();
    files.put(FILE, new ReadCounts(signals.size(), signals.size(), 0));
    DataSetSummary summary = new DataSetSummary(files, Set.of(SupportCase.class,
        Complaint.class, SentimentSample.class, UsageSample.class, Contract.class));
    return SampleReport.data(TITLE, signals, names, summary, t);
  }
}
