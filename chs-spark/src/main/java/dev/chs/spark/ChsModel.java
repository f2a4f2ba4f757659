package dev.chs.spark;

import dev.chs.api.Checks;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.ModelFile;
import dev.chs.core.plugin.KpiRegistry;
import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A health model in a form that Spark can ship: the text of its model file, from which each JVM
 * rebuilds the model once.
 *
 * <p>{@link HealthModel} holds {@link dev.chs.api.kpi.Kpi} instances, which are not serializable.
 * This handle carries only the model file's YAML text ({@link ModelFile#write}), so that Java
 * serialization and Kryo both ship it as one string. {@link #model()} reads the text back with the
 * KPIs that {@link KpiRegistry#discover(ClassLoader)} finds in the thread's context class loader,
 * which on an executor is Spark's user-code loader, so plugin KPIs in the application jar are
 * found. The model rebuilt is cached per JVM and class loader, keyed by its text, so a broadcast
 * handle is parsed once per executor, not once per task or row.
 *
 * <p>A handle is immutable and safe to share between threads.
 *
 * @since 0.1.0
 */
public final class ChsModel implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final Map<Key, HealthModel> REBUILT = new ConcurrentHashMap<>();

  private final String text;
  private transient volatile HealthModel model;

  private ChsModel(String text, HealthModel model) {
    this.text = text;
    this.model = model;
  }

  /**
   * Returns the handle of a model.
   *
   * @param model the model; each of its KPIs must be found by discovery on the executors, by id
   * @return the handle
   * @throws NullPointerException if {@code model} is null
   */
  public static ChsModel of(HealthModel model) {
    Checks.requireNonNull("model", model);
    return new ChsModel(ModelFile.write(model, ModelFile.Format.YAML), model);
  }

  /**
   * Returns the handle of the default model of chs, {@link ModelFile#defaultModel}, with the KPIs
   * found in the context class loader.
   *
   * @return the handle
   */
  public static ChsModel defaultModel() {
    return of(ModelFile.defaultModel(KpiRegistry.discover(contextLoader())));
  }

  /**
   * Returns the model, rebuilt from its text on first use in this JVM.
   *
   * @return the model
   * @throws dev.chs.core.model.ModelException if a KPI of the model is not found on this JVM
   */
  public HealthModel model() {
    HealthModel local = model;
    if (local == null) {
      ClassLoader loader = contextLoader();
      local = REBUILT.computeIfAbsent(new Key(text, loader), key -> ModelFile.read(
          key.text(), ModelFile.Format.YAML, "chs-spark model", KpiRegistry.discover(loader)));
      model = local;
    }
    return local;
  }

  /**
   * Returns the text of the model file, in YAML.
   *
   * @return the text that {@link ModelFile#write} wrote
   */
  public String text() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChsModel other && text.equals(other.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return "ChsModel[" + text.length() + " chars of YAML]";
  }

  static ClassLoader contextLoader() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return loader != null ? loader : ChsModel.class.getClassLoader();
  }

  /** A model's text and the loader its KPIs come from. */
  private record Key(String text, ClassLoader loader) {}
}
