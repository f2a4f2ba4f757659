package dev.chs.cli.report;

/**
 * Writes the support view: one tile per support KPI, totalled over the portfolio as of T.
 * Stateless and thread-safe.
 */
final class SupportSection {
  private SupportSection() {}

  /**
   * Writes the section.
   *
   * @param html where to write
   * @param support the totals
   * @param closedToCreatedBound the watchlist's bound on the closed-to-created ratio
   */
  static void append(StringBuilder html, SupportTotals support, double closedToCreatedBound) {
    html.append("<section id=\"support\"><h2>Support</h2><p class=\"lead\">Totals over every")
        .append(" (account, cloud) pair as of the report's date, from the KPIs' results. A case,")
        .append(" work order or complaint with no cloud applies to the whole account and counts")
        .append(" in each of its clouds, so each count also gives the range its distinct number")
        .append(" lies in.<a class=\"ref\" href=\"#def-support\">[5]</a></p><div class=\"tiles\">");

    SupportTotals.Count open = support.openCases();
    tile(html, "open-cases", "Open cases", Figures.count(open.perPair()), "counted per cloud",
        distinct(open, "cases") + "<br>" + pairs(open.pairs()));

    SupportTotals.Mean ratio = support.closedToCreated();
    tile(html, "closed-to-created", "Closed to created", Figures.ratio(ratio.value()),
        "cases closed per case opened in the window",
        Figures.count(support.closedToCreatedBelow()) + " of " + Figures.count(ratio.pairs())
            + " pairs below " + Figures.ratio(closedToCreatedBound) + "<br>weighted by "
            + Figures.count(ratio.evidence()) + " cases opened or closed");

    SupportTotals.Mean fix = support.firstTimeFix();
    tile(html, "first-time-fix", "First-time fix", Figures.percent(fix.value()),
        "fixed at first contact or visit",
        "of " + Figures.count(fix.evidence()) + " cases and work orders with a known outcome"
            + "<br>" + pairs(fix.pairs()));

    SupportTotals.Count orders = support.workOrders();
    tile(html, "work-orders", "Work orders", Figures.count(orders.perPair()),
        "created in the window, counted per cloud",
        "<span class=\"flag\">DISENGAGING</span> " + Figures.count(support.disengaging())
            + " &#xB7; <span class=\"flag\">SURGE</span> " + Figures.count(support.surge())
            + " pairs<br>" + distinct(orders, "work orders"));

    SupportTotals.Count complaints = support.complaints();
    tile(html, "complaints", "Complaints", Figures.count(complaints.perPair()),
        "raised in the window, counted per cloud",
        Figures.count(support.accountsWithComplaint()) + " accounts flagged"
            + " <span class=\"flag\">COMPLAINT</span><br>" + distinct(complaints, "complaints"));
    html.append("</div></section>");
  }

  private static String distinct(SupportTotals.Count count, String what) {
    if (count.atLeast() == count.perPair()) {
      return Figures.count(count.perPair()) + " distinct " + what;
    }
    return Figures.count(count.atLeast()) + "&#x2013;" + Figures.count(count.perPair())
        + " distinct " + what;
  }

  private static String pairs(int pairs) {
    return "over " + Figures.count(pairs) + (pairs == 1 ? " pair" : " pairs") + " measured";
  }

  private static void tile(
      StringBuilder html, String id, String title, String value, String what, String detail) {
    html.append("<div class=\"tile\" id=\"tile-").append(id).append("\"><div class=\"title\">")
        .append(title).append("</div><div class=\"value\">").append(value)
        .append("</div><div class=\"what\">").append(what).append("</div><div class=\"detail\">")
        .append(detail).append("</div></div>");
  }
}
