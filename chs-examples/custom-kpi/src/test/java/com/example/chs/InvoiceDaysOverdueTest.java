package com.example.chs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.Window;
import dev.chs.api.kpi.Kpi;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.Metric;
import dev.chs.api.signal.Signal;
import dev.chs.testkit.KpiContract;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/** The example plugin proves itself the way every KPI does: by extending the contract. */
class InvoiceDaysOverdueTest extends KpiContract<InvoiceDaysOverdue.Accumulator> {
  private static final String ID = InvoiceDaysOverdue.ID;
  private static final Instant T = Instant.parse("2026-06-30T00:00:00Z");
  private static final Window WINDOW = new Window(T, Duration.ofDays(90));
  private static final AccountId ACCOUNT = AccountId.of("acme");
  private static final CloudId CLOUD = CloudId.of("revenue");

  @Override
  protected Kpi<InvoiceDaysOverdue.Accumulator> kpi() {
    return new InvoiceDaysOverdue();
  }

  @Override
  protected Window window() {
    return WINDOW;
  }

  @Override
  protected Arbitrary<Signal> signals() {
    Arbitrary<Instant> instants = instantsAround(WINDOW);
    Arbitrary<Signal> metrics =
        Combinators.combine(
                Arbitraries.of(ID, "arr_growth"),
                Arbitraries.oneOf(Arbitraries.of(0.0, 0.5, 30.0), Arbitraries.doubles()
                    .between(0, 400)))
            .as((name, value) -> new Metric(ACCOUNT, CLOUD, name, value));
    // Mostly invoices, so that most lists take the invoice path rather than the metric one.
    return Arbitraries.frequencyOf(Tuple.of(4, invoices(instants)), Tuple.of(1, metrics));
  }

  @Override
  protected Arbitrary<Signal> signalsAfter(Instant t) {
    return invoices(instantsAfter(t));
  }

  @Test
  void averagesTheLatenessOfOpenAndRecentlyPaidInvoices() {
    KpiValue value =
        resultOf(
            true,
            // Unpaid at T, due 10 days before it: 10 days.
            invoice("i1", day("2026-06-20"), null),
            // Paid exactly at T, due 20 days before: 20 days.
            invoice("i2", day("2026-06-10"), T),
            // Paid early: 0 days.
            invoice("i3", day("2026-06-10"), day("2026-06-01")),
            // Paid after T, so unpaid at T, due 30 days before: 30 days.
            invoice("i4", day("2026-05-31"), day("2026-07-15")),
            // Not counted: paid exactly at T - W, and due after T.
            invoice("i5", day("2026-03-01"), WINDOW.start()),
            invoice("i6", T.plusSeconds(1), null));

    assertThat(value).isEqualTo(KpiValue.Measured.of(ID, (10 + 20 + 0 + 30) / 4.0, 4));
  }

  @Test
  void takesTheUpstreamMetricOverInvoices() {
    KpiValue value =
        resultOf(
            true,
            invoice("i1", day("2026-06-20"), null),
            new Metric(ACCOUNT, CLOUD, ID, 12.5),
            new Metric(ACCOUNT, CloudId.ACCOUNT_WIDE, ID, 7.5),
            new Metric(ACCOUNT, CLOUD, "arr_growth", 99));

    assertThat(value).isEqualTo(KpiValue.Measured.of(ID, 10.0, 2));
  }

  @Test
  void isNotApplicableWithoutInvoicesOrMetric() {
    assertThat(resultOf(true)).isInstanceOf(KpiValue.NotApplicable.class);
    assertThat(resultOf(true, invoice("old", day("2026-01-01"), day("2026-01-05"))))
        .isInstanceOf(KpiValue.NotApplicable.class);
  }

  @Test
  void readsItsVersion1Form_withTheMetricSumIn128Bits() throws java.io.IOException {
    // Version 1: header, invoices 0, overdueSeconds 0, metrics 2, then 7.5 + 8.5 = 16 as two
    // longs in units of 2^-32.
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
    dev.chs.api.kpi.KpiState.writeHeader(out, ID, 1, WINDOW);
    out.writeLong(0);
    out.writeLong(0);
    out.writeLong(2);
    out.writeLong(0);
    out.writeLong(16L << 32);

    InvoiceDaysOverdue.Accumulator read = read(bytes.toByteArray());

    assertThat(read.result(true)).isEqualTo(KpiValue.Measured.of(ID, 8.0, 2));
    assertThat(read(bytesOf(read))).satisfies(again ->
        assertThat(again.result(true)).isEqualTo(KpiValue.Measured.of(ID, 8.0, 2)));
    assertThat(bytesOf(read)).hasSize(bytes.size() + 8);
  }

  @Test
  void rejectsANegativeMetric() {
    assertThatThrownBy(() -> resultOf(true, new Metric(ACCOUNT, CLOUD, ID, -1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invoice_days_overdue: metric for account acme must be in [0, 2^63) days,"
            + " was -1.0");
  }

  @Test
  void rejectsAnInvoiceDueBeforeItWasIssued() {
    assertThatThrownBy(
            () -> new Invoice("i", ACCOUNT, CLOUD, T, T.minusSeconds(1), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("due_at: must not be before issued_at (2026-06-30T00:00:00Z), was"
            + " 2026-06-29T23:59:59Z");
  }

  private static Arbitrary<Signal> invoices(Arbitrary<Instant> instants) {
    Arbitrary<Long> termSeconds = Arbitraries.longs().between(0, Duration.ofDays(60).toSeconds());
    return Combinators.combine(
            Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(3),
            instants,
            termSeconds,
            instants.injectNull(0.3))
        .as((id, issued, term, paid) -> new Invoice(
            id, ACCOUNT, CLOUD, issued, issued.plusSeconds(term),
            paid == null || paid.isBefore(issued) ? null : paid));
  }

  private static Invoice invoice(String id, Instant dueAt, Instant paidAt) {
    Instant issuedAt = dueAt.minus(Duration.ofDays(30));
    if (paidAt != null && paidAt.isBefore(issuedAt)) {
      issuedAt = paidAt;
    }
    return new Invoice(id, ACCOUNT, CLOUD, issuedAt, dueAt, paidAt);
  }

  private static Instant day(String isoDate) {
    return Instant.parse(isoDate + "T00:00:00Z");
  }
}
