package dev.chs.kpis;

/** Placeholder until the built-in KPIs land. */
public final class BuiltInKpis {
  private BuiltInKpis() {}
}
