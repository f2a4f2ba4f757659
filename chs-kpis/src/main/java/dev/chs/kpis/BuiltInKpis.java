package dev.chs.kpis;

import dev.chs.api.kpi.Kpi;
import java.util.List;

/**
 * The seven built-in KPIs, for callers that want them without {@link java.util.ServiceLoader}:
 * tests, or a model built in code.
 *
 * <p>{@code ServiceLoader} finds the same seven classes, through {@code provides} in this module's
 * descriptor or through {@code META-INF/services/dev.chs.api.kpi.Kpi} on the class path.
 *
 * @since 0.1.0
 */
public final class BuiltInKpis {
  /** The ids of the built-in KPIs, in the order of the KPI table of the product description. */
  public static final List<String> IDS =
      List.of(
          OpenSupportCases.ID,
          CasesClosedToCreated.ID,
          FirstTimeFixRate.ID,
          WorkOrderVolume.ID,
          ComplaintsRaised.ID,
          ProductAdoption.ID,
          Sentiment.ID);

  private BuiltInKpis() {}

  /**
   * Returns a new instance of each built-in KPI, in the order of {@link #IDS}.
   *
   * @return an immutable list of the seven KPIs
   */
  public static List<Kpi<?>> all() {
    return List.of(
        new OpenSupportCases(),
        new CasesClosedToCreated(),
        new FirstTimeFixRate(),
        new WorkOrderVolume(),
        new ComplaintsRaised(),
        new ProductAdoption(),
        new Sentiment());
  }
}
