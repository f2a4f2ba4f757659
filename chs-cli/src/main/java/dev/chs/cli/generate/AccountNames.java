package dev.chs.cli.generate;

/**
 * Invented company names such as {@code Acme Logistics 0042}. Every 41st account gets one of a few
 * awkward names, with a comma, quotes or letters beyond ASCII, so that readers of the files meet
 * them.
 */
final class AccountNames {
  private static final String[] BRANDS = {
    "Acme", "Birchwood", "Cobalt", "Dovetail", "Ember", "Fairhaven", "Granite", "Harbor",
    "Ironbridge", "Juniper", "Keystone", "Lumen", "Meridian", "Northwind", "Oakridge", "Pinnacle",
    "Quarry", "Redwood", "Silverline", "Tidewater", "Umber", "Vantage", "Westfield", "Yellowstone",
    "Zephyr", "Atlas", "Beacon", "Crescent", "Driftwood", "Evergreen", "Foxglove", "Glacier",
  };

  private static final String[] TRADES = {
    "Logistics", "Analytics", "Health", "Foods", "Energy", "Robotics", "Retail", "Insurance",
    "Media", "Telecom", "Pharma", "Textiles", "Motors", "Software", "Holdings", "Travel",
    "Finance", "Farms", "Freight", "Labs",
  };

  private static final String[] AWKWARD = {
    "Dunmore, Pike & Co",
    "The \"Lighthouse\" Group",
    "Café Sørensen",
    "Zürich Orbital",
    "Hart, Vale \"& Sons\"",
    "Ōsaka Freight",
    "Łódź Textiles",
    "Nguyễn Trading",
  };

  private AccountNames() {}

  /** Returns the name of account {@code number}, ending in its padded number. */
  static String name(Prng random, int number, String padded) {
    int brand = random.nextInt(BRANDS.length);
    int trade = random.nextInt(TRADES.length);
    if (number % 41 == 5) {
      return AWKWARD[(number / 41) % AWKWARD.length] + " " + padded;
    }
    return BRANDS[brand] + " " + TRADES[trade] + " " + padded;
  }
}
