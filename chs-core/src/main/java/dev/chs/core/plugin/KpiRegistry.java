package dev.chs.core.plugin;

import dev.chs.api.kpi.Kpi;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The KPIs that models may refer to by id.
 *
 * <p>{@link #discover(ClassLoader)} finds KPIs through {@link ServiceLoader}, in a class loader the
 * caller chooses; Spark and Flink pass their user-code class loader. A registry is immutable and
 * safe to share between threads.
 *
 * @since 0.1.0
 */
public final class KpiRegistry {
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

  private final Map<String, Kpi<?>> byId;

  private KpiRegistry(Map<String, Kpi<?>> byId) {
    this.byId = byId;
  }

  /**
   * Returns the KPIs that {@link ServiceLoader} finds in {@code loader}.
   *
   * @param loader the class loader to search, such as the context class loader
   * @return the registry
   * @throws IllegalStateException if a provider cannot be loaded, two share an id, or an id is
   *     malformed
   */
  public static KpiRegistry discover(ClassLoader loader) {
    List<Kpi<?>> found = new ArrayList<>();
    try {
      for (Kpi<?> kpi : ServiceLoader.load(Kpi.class, loader)) {
        found.add(kpi);
      }
    } catch (ServiceConfigurationError e) {
      throw new IllegalStateException("KPI discovery: a provider failed to load: " + e, e);
    }
    return of(found);
  }

  /**
   * Returns the KPIs that {@link ServiceLoader} finds in the class loader of this class.
   *
   * @return the registry
   * @throws IllegalStateException as {@link #discover(ClassLoader)} does
   */
  public static KpiRegistry discover() {
    return discover(KpiRegistry.class.getClassLoader());
  }

  /**
   * Returns a registry of exactly these KPIs.
   *
   * @param kpis the KPIs
   * @return the registry
   * @throws IllegalStateException if two share an id, or an id is malformed
   */
  public static KpiRegistry of(Collection<? extends Kpi<?>> kpis) {
    Map<String, Kpi<?>> byId = new TreeMap<>();
    for (Kpi<?> kpi : kpis) {
      String id = kpi.id();
      if (id == null || !ID.matcher(id).matches()) {
        throw new IllegalStateException(
            "KPI " + kpi.getClass().getName() + ": id must match " + ID + ", was '" + id + "'");
      }
      Kpi<?> before = byId.putIfAbsent(id, kpi);
      if (before != null) {
        throw new IllegalStateException(
            "KPI id '" + id + "': provided by both " + before.getClass().getName() + " and "
                + kpi.getClass().getName());
      }
    }
    return new KpiRegistry(byId);
  }

  /**
   * Returns a registry of exactly these KPIs.
   *
   * @param kpis the KPIs
   * @return the registry
   * @throws IllegalStateException if two share an id, or an id is malformed
   */
  public static KpiRegistry of(Kpi<?>... kpis) {
    return of(List.of(kpis));
  }

  /**
   * Returns the KPI with this id.
   *
   * @param id the id
   * @return the KPI, or empty if none has that id
   */
  public Optional<Kpi<?>> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * Returns the KPI with this id.
   *
   * @param id the id
   * @return the KPI
   * @throws IllegalArgumentException if none has that id; the message lists the ids available
   */
  public Kpi<?> require(String id) {
    Kpi<?> kpi = byId.get(id);
    if (kpi == null) {
      throw new IllegalArgumentException(unknown(id));
    }
    return kpi;
  }

  /**
   * Returns the message for an id that no KPI has, listing the ids available.
   *
   * @param id the unknown id
   * @return the message
   */
  public String unknown(String id) {
    return "unknown KPI '" + id + "'; available: " + String.join(", ", byId.keySet());
  }

  /**
   * Returns every KPI, in order of id.
   *
   * @return the KPIs
   */
  public Collection<Kpi<?>> all() {
    return byId.values();
  }
}
