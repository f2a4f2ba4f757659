package dev.chs.cli.generate;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.signal.RenewalOutcome.Outcome;
import dev.chs.cli.data.CsvWriter;
import dev.chs.cli.data.DataFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Makes a realistic, synthetic portfolio: the nine files of a data set, for a number of accounts
 * over {@value #HISTORY_MONTHS} months that end at a given instant.
 *
 * <p>Each account has up to three clouds ({@code sales}, {@code service}, {@code revenue}), and
 * each of them a hidden health in [0, 1] that drifts week by week: most accounts are stable, some
 * decline and some recover, with noise. The health drives everything the files show: how often
 * support cases arrive and how fast they close, first-contact resolution, work orders (in the
 * service cloud) and first-time fix, complaints, monthly usage ({@code active_users} out of {@code
 * licensed_users}) and sentiment. Some cases, work orders and complaints, and a quarterly survey,
 * apply to the whole account (an empty cloud). Contracts carry a log-normal ARR that scales with
 * seats, and renew every 365 days; each past renewal in {@code renewals.csv} is drawn from the
 * health in its week, lower health meaning more churn, so that a back-test on the portfolio is
 * meaningful. A churned cloud sends no signal after its renewal date and has no contract. {@code
 * metrics.csv} holds two account-wide metrics, {@code nps} and {@code active_integrations}.
 *
 * <p>The output depends only on the number of accounts, the seed and the end: the same inputs
 * give byte-identical files on any JVM. Rows are streamed to buffered writers one account at a
 * time, so memory does not grow with the number of accounts. On average an account yields about 79
 * rows (3.5 KB): a million accounts make about 79 million rows and 3.5 GB, which took 84 seconds
 * on two cores with a 256 MB heap.
 *
 * <p>A generator is immutable and safe to share between threads; each call to {@code generate}
 * writes its own files.
 *
 * @since 0.1.0
 */
public final class PortfolioGenerator {
  /** The end of the bundled sample portfolio, and of {@code chs generate} by default. */
  public static final Instant DEFAULT_END = Instant.parse("2026-11-30T00:00:00Z");

  /** The months of history before the end. */
  public static final int HISTORY_MONTHS = 18;

  /** The clouds an account may have. */
  public static final List<String> CLOUDS = List.of("sales", "service", "revenue");

  private static final long DAY = 86_400;
  private static final long WEEK = 7 * DAY;
  private static final int YEAR_DAYS = 365;
  private static final double[] CLOUD_SHARE = {0.8, 0.7, 0.45};
  private static final double[] SEAT_PRICE = {620, 450, 310};

  private final int accounts;
  private final long seed;
  private final Instant end;

  /**
   * Creates a generator.
   *
   * @param accounts how many accounts to make; from 1 to 99,999,999
   * @param seed the seed; the same seed gives the same files
   * @param end the instant the history ends at; its year must lie in [1000, 9998]
   * @throws IllegalArgumentException if a value is out of range
   * @throws NullPointerException if {@code end} is null
   */
  public PortfolioGenerator(int accounts, long seed, Instant end) {
    if (accounts < 1 || accounts > 99_999_999) {
      throw new IllegalArgumentException(
          "accounts: must be in [1, 99999999], was " + accounts);
    }
    int year = end.atOffset(ZoneOffset.UTC).getYear();
    if (year < 1000 || year > 9998) {
      throw new IllegalArgumentException(
          "end: must be in a year from 1000 to 9998, was " + end);
    }
    this.accounts = accounts;
    this.seed = seed;
    this.end = end;
  }

  /**
   * Writes a portfolio; a convenience for {@code new PortfolioGenerator(accounts, seed,
   * end).generate(outDir)}.
   *
   * @param accounts how many accounts to make
   * @param seed the seed
   * @param outDir the folder to write the nine files into; created if missing
   * @param end the instant the history ends at
   * @return the rows written per file
   * @throws IOException if a file cannot be written
   */
  public static GeneratedPortfolio generate(int accounts, long seed, Path outDir, Instant end)
      throws IOException {
    return new PortfolioGenerator(accounts, seed, end).generate(outDir);
  }

  /**
   * Writes the portfolio's nine files into a folder, replacing files of the same names.
   *
   * @param outDir the folder; created if missing
   * @return the rows written per file
   * @throws IOException if a file cannot be written
   */
  public GeneratedPortfolio generate(Path outDir) throws IOException {
    return generate(outDir, draw -> {});
  }

  /**
   * Writes the portfolio, and reports each past renewal with the hidden health behind it.
   *
   * @param outDir the folder; created if missing
   * @param draws receives each past renewal, in the order written
   * @return the rows written per file
   * @throws IOException if a file cannot be written
   */
  public GeneratedPortfolio generate(Path outDir, Consumer<? super RenewalDraw> draws)
      throws IOException {
    Files.createDirectories(outDir);
    Map<DataFile, CsvWriter> out = new EnumMap<>(DataFile.class);
    try {
      for (DataFile file : DataFile.values()) {
        out.put(file, open(outDir.resolve(file.fileName())));
      }
      writeHeaders(out);
      Timeline timeline = new Timeline(end);
      Map<DataFile, long[]> rows = new EnumMap<>(DataFile.class);
      for (DataFile file : DataFile.values()) {
        rows.put(file, new long[1]);
      }
      int width = Math.max(4, Integer.toString(accounts).length());
      for (int number = 1; number <= accounts; number++) {
        AccountWriter account =
            new AccountWriter(timeline, new Prng(seed, number), number, width, out, rows);
        account.write(draws);
      }
      Map<String, Long> counts = new LinkedHashMap<>();
      rows.forEach((file, n) -> counts.put(file.fileName(), n[0]));
      return new GeneratedPortfolio(outDir, counts);
    } finally {
      closeAll(out);
    }
  }

  private static CsvWriter open(Path file) throws IOException {
    return new CsvWriter(
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
            1 << 16));
  }

  private static void writeHeaders(Map<DataFile, CsvWriter> out) throws IOException {
    for (Map.Entry<DataFile, CsvWriter> e : out.entrySet()) {
      List<String> columns = new ArrayList<>(e.getKey().requiredColumns());
      if (e.getKey() == DataFile.METRICS) {
        columns.add("nps");
        columns.add("active_integrations");
      }
      e.getValue().row(columns.toArray(new String[0]));
    }
  }

  private static void closeAll(Map<DataFile, CsvWriter> out) throws IOException {
    IOException failure = null;
    for (CsvWriter w : out.values()) {
      try {
        w.close();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** The weeks and months of the history, shared by all accounts. */
  static final class Timeline {
    final long startSecond;
    final long endSecond;
    final int weeks;
    final long[] monthStartDays;

    Timeline(Instant end) {
      this.endSecond = end.getEpochSecond();
      LocalDate endDate = LocalDate.ofInstant(end, ZoneOffset.UTC);
      this.startSecond = endDate.minusMonths(HISTORY_MONTHS).toEpochDay() * DAY;
      this.weeks = (int) ((endSecond - startSecond + WEEK - 1) / WEEK);
      List<Long> months = new ArrayList<>();
      LocalDate month = endDate.minusMonths(HISTORY_MONTHS).withDayOfMonth(1).plusMonths(1);
      while (month.toEpochDay() * DAY <= endSecond) {
        months.add(month.toEpochDay());
        month = month.plusMonths(1);
      }
      this.monthStartDays = months.stream().mapToLong(Long::longValue).toArray();
    }

    long weekStart(int week) {
      return startSecond + week * WEEK;
    }

    int weekOf(long second) {
      return (int) Math.min(weeks, Math.max(0, (second - startSecond) / WEEK));
    }
  }

  /** Simulates and writes one account. */
  private static final class AccountWriter {
    private final Timeline time;
    private final Prng random;
    private final Map<DataFile, CsvWriter> out;
    private final Map<DataFile, long[]> rows;
    private final IsoText text = new IsoText();
    private final String id;
    private final String number;
    private final AccountId account;
    private int caseSeq;
    private int workOrderSeq;
    private int complaintSeq;

    AccountWriter(
        Timeline time,
        Prng random,
        int number,
        int width,
        Map<DataFile, CsvWriter> out,
        Map<DataFile, long[]> rows) {
      this.time = time;
      this.random = random;
      this.out = out;
      this.rows = rows;
      this.number = pad(number, width);
      this.id = "A-" + this.number;
      this.account = AccountId.of(id);
    }

    void write(Consumer<? super RenewalDraw> draws) throws IOException {
      // The account: its name, size and shared trajectory.
      String name = AccountNames.name(random, Integer.parseInt(number), number);
      row(DataFile.ACCOUNTS).field(id).field(name).endRow();
      double seats = clamp(random.logNormal(80, 1.1), 5, 20_000);
      double[] trajectory = trajectory();

      // Each cloud: its health, history, renewals and contract.
      double[] healthSum = new double[time.weeks + 1];
      int[] healthCount = new int[time.weeks + 1];
      boolean any = false;
      for (int c = 0; c < CLOUDS.size(); c++) {
        boolean has = random.chance(CLOUD_SHARE[c]) || (c == CLOUDS.size() - 1 && !any);
        if (has) {
          any = true;
          writeCloud(c, seats, trajectory, healthSum, healthCount, draws);
        }
      }

      // Signals for the whole account, while any cloud is still a customer.
      double[] accountHealth = new double[time.weeks + 1];
      for (int w = 0; w <= time.weeks; w++) {
        accountHealth[w] = healthCount[w] == 0 ? Double.NaN : healthSum[w] / healthCount[w];
      }
      writeAccountWide(seats, accountHealth);
    }

    /** Returns the account's base health per week: stable, declining or recovering. */
    private double[] trajectory() {
      double[] base = new double[time.weeks + 1];
      double kind = random.nextDouble();
      double start;
      double change;
      if (kind < 0.55) {
        start = 0.3 + 0.65 * random.nextDouble();
        change = 0;
      } else if (kind < 0.8) {
        start = 0.55 + 0.4 * random.nextDouble();
        change = -(0.25 + 0.45 * random.nextDouble());
      } else {
        start = 0.1 + 0.35 * random.nextDouble();
        change = 0.25 + 0.45 * random.nextDouble();
      }
      int from = random.nextInt(Math.max(1, time.weeks * 7 / 10));
      int span = 8 + random.nextInt(33);
      for (int w = 0; w <= time.weeks; w++) {
        base[w] = start + change * clamp((w - from) / (double) span, 0, 1);
      }
      return base;
    }

    private void writeCloud(
        int c,
        double accountSeats,
        double[] trajectory,
        double[] healthSum,
        int[] healthCount,
        Consumer<? super RenewalDraw> draws)
        throws IOException {
      String cloud = CLOUDS.get(c);
      double seats = Math.max(3, Math.round(accountSeats * random.logNormal(1, 0.4)));
      double scale = clamp(Math.sqrt(seats / 80), 0.35, 5);
      double[] health = cloudHealth(trajectory);

      // Renewals first: they decide when the cloud stops being a customer.
      long startDay = Math.floorDiv(time.startSecond, DAY);
      long renewalDay = startDay + random.nextInt(YEAR_DAYS);
      long stop = Long.MAX_VALUE;
      for (; renewalDay * DAY <= time.endSecond; renewalDay += YEAR_DAYS) {
        double h = health[time.weekOf(renewalDay * DAY)];
        double churn = 0.02 + 0.55 * StrictMath.pow(1 - h, 2.2);
        Outcome outcome = random.chance(churn) ? Outcome.CHURNED : Outcome.RENEWED;
        row(DataFile.RENEWALS).field(id).field(cloud)
            .plainField(text.chars(), 0, text.date(renewalDay))
            .field(outcome == Outcome.RENEWED ? "renewed" : "churned").endRow();
        draws.accept(
            new RenewalDraw(
                account, CloudId.of(cloud), Instant.ofEpochSecond(renewalDay * DAY), h, outcome));
        if (outcome == Outcome.CHURNED) {
          stop = renewalDay * DAY;
          break;
        }
      }
      long last = Math.min(stop, time.endSecond);
      for (int w = 0; w <= time.weeks && time.weekStart(w) < last; w++) {
        healthSum[w] += health[w];
        healthCount[w]++;
      }

      writeCases(cloud, scale, health, last, 0.92);
      if (c == 1) {
        writeWorkOrders(cloud, scale, health, last, 0.8);
      }
      writeComplaints(cloud, scale, health, last, 0.7);
      writeUsage(cloud, seats, health, last);
      writeSentiment(cloud, scale, health, last, 0.08);
      if (stop == Long.MAX_VALUE) {
        double arr = seats * random.logNormal(SEAT_PRICE[c], 0.45);
        row(DataFile.CONTRACTS).field(id).field(cloud).field(Math.round(arr / 10) * 10)
            .plainField(text.chars(), 0, text.date(renewalDay)).endRow();
      }
    }

    private void writeAccountWide(double seats, double[] health) throws IOException {
      double scale = clamp(Math.sqrt(seats / 80), 0.35, 5);
      long last = time.endSecond;
      writeCases("", scale, health, last, 0.08);
      writeWorkOrders("", scale, health, last, 0.2);
      writeComplaints("", scale, health, last, 0.3);
      for (int w = 6; w <= time.weeks; w += 13) {
        if (!Double.isNaN(health[w])) {
          long at = time.weekStart(w) + random.nextInt((int) WEEK);
          if (at <= last) {
            sentiment("", at, health[w]);
          }
        }
      }
      double mean = health[time.weeks - 1];
      CsvWriter metrics = row(DataFile.METRICS).field(id).field("");
      if (Double.isNaN(mean) || random.chance(0.2)) {
        metrics.field("");
      } else {
        metrics.field(Math.round(clamp(200 * mean - 100 + 15 * random.gaussian(), -100, 100)));
      }
      metrics.field(random.poisson(1 + 4 * (Double.isNaN(mean) ? 0 : mean))).endRow();
    }

    /** Returns the cloud's health per week: the account's trajectory, an offset and noise. */
    private double[] cloudHealth(double[] trajectory) {
      double[] health = new double[trajectory.length];
      double offset = 0.08 * random.gaussian();
      double noise = 0;
      for (int w = 0; w < trajectory.length; w++) {
        noise = 0.85 * noise + 0.04 * random.gaussian();
        health[w] = clamp(trajectory[w] + offset + noise, 0.02, 0.98);
      }
      return health;
    }

    /**
     * Writes cases; {@code share} is the part of the rate written under this cloud name (the
     * rest belongs to the account-wide call).
     */
    private void writeCases(String cloud, double scale, double[] health, long last, double share)
        throws IOException {
      for (int w = 0; w < time.weeks; w++) {
        double h = health[w];
        if (Double.isNaN(h)) {
          continue;
        }
        int n = random.poisson(share * 0.09 * scale * (0.4 + 1.6 * (1 - h)));
        for (int i = 0; i < n; i++) {
          long opened = time.weekStart(w) + random.nextInt((int) WEEK);
          if (opened > last) {
            continue;
          }
          long closed = -1;
          if (!random.chance(0.1 * (1 - h) * (1 - h))) {
            double meanDays = 0.5 + 12 * StrictMath.pow(1 - h, 1.5);
            closed = opened + (long) (DAY * random.exponential(meanDays));
            closed = closed > last ? (last < time.endSecond ? last : -1) : closed;
          }
          String fcr = random.chance(0.05) ? "" : random.chance(0.2 + 0.65 * h) ? "true" : "false";
          row(DataFile.CASES).field("C-" + number + "-" + ++caseSeq).field(id).field(cloud)
              .plainField(text.chars(), 0, text.instant(opened));
          timeOrEmpty(DataFile.CASES, closed).field(closed < 0 ? "" : fcr).endRow();
        }
      }
    }

    private void writeWorkOrders(
        String cloud, double scale, double[] health, long last, double share) throws IOException {
      for (int w = 0; w < time.weeks; w++) {
        double h = health[w];
        if (Double.isNaN(h)) {
          continue;
        }
        int n = random.poisson(share * 0.1 * scale * (0.6 + 0.8 * (1 - h)));
        for (int i = 0; i < n; i++) {
          long created = time.weekStart(w) + random.nextInt((int) WEEK);
          if (created > last) {
            continue;
          }
          long completed = -1;
          if (!random.chance(0.03)) {
            completed = created + (long) (DAY * random.exponential(1 + 6 * (1 - h)));
            completed = completed > last ? (last < time.endSecond ? last : -1) : completed;
          }
          String fix = random.chance(0.04) ? "" : random.chance(0.4 + 0.55 * h) ? "true" : "false";
          row(DataFile.WORK_ORDERS).field("W-" + number + "-" + ++workOrderSeq).field(id)
              .field(cloud).plainField(text.chars(), 0, text.instant(created));
          timeOrEmpty(DataFile.WORK_ORDERS, completed).field(completed < 0 ? "" : fix).endRow();
        }
      }
    }

    private void writeComplaints(
        String cloud, double scale, double[] health, long last, double share) throws IOException {
      for (int w = 0; w < time.weeks; w++) {
        double h = health[w];
        if (Double.isNaN(h)) {
          continue;
        }
        int n = random.poisson(share * 0.05 * scale * (1 - h) * (1 - h));
        for (int i = 0; i < n; i++) {
          long raised = time.weekStart(w) + random.nextInt((int) WEEK);
          if (raised <= last) {
            row(DataFile.COMPLAINTS).field("K-" + number + "-" + ++complaintSeq).field(id)
                .field(cloud).plainField(text.chars(), 0, text.instant(raised)).endRow();
          }
        }
      }
    }

    private void writeUsage(String cloud, double seats, double[] health, long last)
        throws IOException {
      long licensed = Math.round(seats);
      for (long day : time.monthStartDays) {
        if (day * DAY >= last) {
          break;
        }
        if (random.chance(0.05)) {
          licensed = Math.round(licensed * (1.1 + 0.2 * random.nextDouble()));
        }
        double h = health[time.weekOf(day * DAY)];
        double adoption = clamp(0.1 + 0.8 * h + 0.06 * random.gaussian(), 0, 1);
        row(DataFile.USAGE).field(id).field(cloud).plainField(text.chars(), 0, text.date(day))
            .field(Math.round(licensed * adoption)).field(licensed).endRow();
      }
    }

    private void writeSentiment(
        String cloud, double scale, double[] health, long last, double rate) throws IOException {
      for (int w = 0; w < time.weeks; w++) {
        int n = random.poisson(rate * Math.sqrt(scale));
        for (int i = 0; i < n; i++) {
          long at = time.weekStart(w) + random.nextInt((int) WEEK);
          if (at <= last) {
            sentiment(cloud, at, health[w]);
          }
        }
      }
    }

    private void sentiment(String cloud, long at, double h) throws IOException {
      double score = clamp(1.7 * h - 0.85 + 0.22 * random.gaussian(), -1, 1);
      row(DataFile.SENTIMENT).field(id).field(cloud)
          .plainField(text.chars(), 0, text.instant(at))
          .plainField(text.chars(), 0, text.hundredths(score)).endRow();
    }

    private CsvWriter timeOrEmpty(DataFile file, long second) throws IOException {
      CsvWriter w = writer(file);
      return second < 0 ? w.field("") : w.plainField(text.chars(), 0, text.instant(second));
    }

    private CsvWriter row(DataFile file) {
      Objects.requireNonNull(rows.get(file))[0]++;
      return writer(file);
    }

    /** Returns the writer of a file; the generator opens one for every file. */
    private CsvWriter writer(DataFile file) {
      return Objects.requireNonNull(out.get(file), file.fileName());
    }
  }

  static String pad(int number, int width) {
    String digits = Integer.toString(number);
    return "0".repeat(Math.max(0, width - digits.length())) + digits;
  }

  static double clamp(double x, double min, double max) {
    return Math.max(min, Math.min(max, x));
  }
}
