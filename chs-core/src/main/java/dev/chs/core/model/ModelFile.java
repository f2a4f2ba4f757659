package dev.chs.core.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.chs.core.plugin.KpiRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Reads a {@link HealthModel} from a YAML or JSON model file, and writes one back.
 *
 * <p>Reading checks the whole file and reports every mistake at once, each with its path, in one
 * {@link ModelException}; for example {@code kpis[2].weight: must be >= 0, was -1}. Writing then
 * reading gives a model equal to the one written. The class holds no state and is safe to use
 * from many threads.
 *
 * <h2>The format, version 1</h2>
 *
 * <p>A model file holds one object (a YAML mapping) with snake_case keys. YAML and JSON files
 * hold the same tree; this example is YAML:
 *
 * <pre>{@code
 * version: 1
 * window: P90D
 * min_coverage: 0.5
 * rollup: arr
 * bands: {healthy: 70, watch: 50, at_risk: 30}
 * interventions: {threshold: 50, hysteresis: 5}
 * watchlist: {minimum_fall: 10, minimum_distress: 2, open_cases_score_below: 50,
 *     closed_to_created_below: 0.8, sentiment_below: 0}
 * renewal: {type: logistic, midpoint: 50, scale: 12}
 * kpis:
 *   - id: open_support_cases
 *     weight: 0.15
 *     weights_by_cloud: {service: 0.25}
 *     curve: {type: linear, worst: 10, best: 0}
 *   - id: cases_closed_to_created
 *     weight: 0.10
 *     curve: {type: piecewise, points: [[0.4, 0], [0.8, 50], [1.0, 100]]}
 *   - id: complaints_raised
 *     weight: 0.15
 *     curve: {type: steps, below: 100, steps: [{from: 1, score: 40}, {from: 3, score: 0}]}
 *   - id: total_day_minutes
 *     metric: true
 *     direction: lower_is_better
 *     weight: 0.12
 *     curve: {type: linear, worst: 300, best: 100}
 * }</pre>
 *
 * <table class="striped">
 *   <caption>The top-level keys</caption>
 *   <thead>
 *     <tr><th>key</th><th>value</th><th>when absent</th></tr>
 *   </thead>
 *   <tbody>
 *     <tr><td>{@code version}</td><td>the format version: the number 1</td>
 *         <td>an error</td></tr>
 *     <tr><td>{@code window}</td><td>the window length W, a positive ISO-8601 duration in days,
 *         hours, minutes or seconds, such as {@code P90D} or {@code PT36H}. Months and years
 *         have no fixed length and are rejected</td><td>{@code P90D}</td></tr>
 *     <tr><td>{@code min_coverage}</td><td>the least applicable share of the weight, in [0,
 *         1]</td><td>0.5</td></tr>
 *     <tr><td>{@code rollup}</td><td>how clouds combine: {@code arr} ({@link
 *         CloudRollup#ARR_WEIGHTED}) or {@code equal} ({@link CloudRollup#EQUAL})</td>
 *         <td>{@code arr}</td></tr>
 *     <tr><td>{@code bands}</td><td>{@code healthy}, {@code watch}, {@code at_risk}: the lowest
 *         score of each band, decreasing, in [0, 100]; see {@link Bands}</td>
 *         <td>{@link Bands#DEFAULT}</td></tr>
 *     <tr><td>{@code interventions}</td><td>{@code threshold}, {@code hysteresis}, in [0, 100];
 *         see {@link InterventionPolicy}</td><td>{@link InterventionPolicy#DEFAULT}</td></tr>
 *     <tr><td>{@code watchlist}</td><td>{@code minimum_fall} in [0, 100], {@code
 *         minimum_distress} a whole number in [1, 3], {@code open_cases_score_below} in [0, 100],
 *         {@code closed_to_created_below} at least 0, {@code sentiment_below} in [-1, 1]; see
 *         {@link WatchlistPolicy}</td><td>{@link WatchlistPolicy#DEFAULT}</td></tr>
 *     <tr><td>{@code renewal}</td><td>{@code type: logistic} with {@code midpoint} (finite) and
 *         {@code scale} (above 0), see {@link RenewalMapping.Logistic}; or {@code type:
 *         isotonic} with {@code points}, at least two {@code [score, probability]} pairs, scores
 *         strictly increasing in [0, 100], probabilities non-decreasing in [0, 1], see {@link
 *         RenewalMapping.Isotonic}</td><td>{@link RenewalMapping#DEFAULT}</td></tr>
 *     <tr><td>{@code kpis}</td><td>a non-empty list of KPIs, in the order of the output
 *         columns</td><td>an error</td></tr>
 *   </tbody>
 * </table>
 *
 * <p>Each entry of {@code kpis} has these keys:
 *
 * <ul>
 *   <li>{@code id}, required: the id of a KPI in the {@link KpiRegistry}, or with {@code metric:
 *       true} the name of a {@code metrics.csv} column that is not such an id; unique in the
 *       file;
 *   <li>{@code metric}, optional: {@code true} declares a {@link MetricKpi} over the column
 *       named {@code id}; {@code false}, like leaving it out, names a registered KPI;
 *   <li>{@code direction}, required with {@code metric: true} and not allowed without it: {@code
 *       higher_is_better}, {@code lower_is_better} or {@code stable_is_better};
 *   <li>{@code weight}, required: a number at least 0. At least one weight of the model, here or
 *       by cloud, must be above 0;
 *   <li>{@code weights_by_cloud}, optional: an object from cloud name to the KPI's weight in that
 *       cloud, each at least 0. A name must not be blank or {@code *};
 *   <li>{@code curve}, optional: the curve that scores the KPI; when absent, the KPI's own {@link
 *       dev.chs.api.kpi.Kpi#defaultCurve() default curve}. Required with {@code metric: true},
 *       where it is also the metric KPI's default curve.
 * </ul>
 *
 * <p>A curve has a {@code type} and the keys of that type, all required (see {@link
 * dev.chs.api.kpi.Curve}):
 *
 * <ul>
 *   <li>{@code linear}: {@code worst} scores 0 and {@code best} scores 100; they differ;
 *   <li>{@code piecewise}: {@code points}, at least two {@code [x, score]} pairs, {@code x}
 *       strictly increasing, each score in [0, 100];
 *   <li>{@code steps}: {@code below}, the score under the first step, in [0, 100], and {@code
 *       steps}, at least one {@code {from, score}} object, {@code from} strictly increasing, each
 *       score in [0, 100].
 * </ul>
 *
 * <h3>Rules</h3>
 *
 * <ul>
 *   <li>Every section but {@code version} and {@code kpis} is optional. Within {@code bands},
 *       {@code interventions}, {@code watchlist} and a logistic {@code renewal}, every key is
 *       optional too: a key left out takes its value from the record's {@code DEFAULT}. So {@code
 *       bands: {watch: 55}} keeps {@code healthy: 70} and {@code at_risk: 30}. When a default then
 *       breaks a rule, its error says {@code (not given, so the default applies)}. A curve and an isotonic
 *       {@code renewal} have no defaults: one given is given whole.
 *   <li>A key that the format does not define is an error, at every level. So is a duplicate key,
 *       and a value of the wrong type: a string where a number belongs, or {@code null}.
 *   <li>Numbers are finite decimals: YAML's {@code .nan} and {@code .inf} are rejected.
 *   <li>A YAML file holds one document. Anchors and aliases are not resolved (an alias reads as
 *       its anchor's name, which is then the wrong type). Tags are not part of the format; some
 *       change how a value reads ({@code !!str 5} is a string).
 *   <li>Files are UTF-8.
 *   <li>A file whose {@code version} is a number other than 1 is reported with that one error,
 *       since the rest of it follows rules this release does not know.
 * </ul>
 *
 * <p>{@link #write} writes every setting, curves included, in the order above, so a written file
 * describes the model without relying on defaults. A {@link MetricKpi} is written with {@code
 * metric: true}, its direction and the model's curve for it, so a fitted snapshot model reads
 * back with a registry of the built-in KPIs alone; it reads back equal when its default curve is
 * that curve, as it is for every metric KPI read from a file or fitted by {@code chs-learn}. It
 * writes whole numbers without a fraction, windows of whole days as {@code PnD}, and cloud weights
 * in order of cloud name.
 *
 * @since 0.1.0
 */
public final class ModelFile {
  private static final String DEFAULT_MODEL = "default-model.yaml";
  private static final Pattern SOURCE_LOCATION =
      Pattern.compile("\\[Source: [^\\]]*; line: (\\d+), column: (\\d+)]");
  private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");
  /** Jackson's advice to enable a parser feature, which speaks to programmers, not authors. */
  private static final Pattern FEATURE_HINT = Pattern.compile(
      ": enable `[^`]+` to allow| \\(not recognized as one since Feature '[^']+' not enabled for"
          + " parser\\)");

  // Only trees are read, and bound by hand: no default typing, no polymorphic deserialization.
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final ObjectWriter JSON_WRITER = JSON.writer(new DefaultPrettyPrinter(
      Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

  private ModelFile() {}

  /**
   * The two syntaxes of a model file. Both hold the same tree, documented on {@link ModelFile}.
   *
   * @since 0.1.0
   */
  public enum Format {
    /** YAML 1.1, the format people write; files end in {@code .yaml} or {@code .yml}. */
    YAML,
    /** JSON, as RFC 8259 defines it, with no comments; files end in {@code .json}. */
    JSON;

    /**
     * Returns the format of a file, from its extension, in any case.
     *
     * @param file the file
     * @return {@link #YAML} for {@code .yaml} and {@code .yml}, {@link #JSON} for {@code .json}
     * @throws IllegalArgumentException if the file has another extension, or none
     * @throws NullPointerException if {@code file} is null
     * @since 0.1.0
     */
    public static Format of(Path file) {
      Path name = Objects.requireNonNull(file, "file").getFileName();
      String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
      if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
        return YAML;
      }
      if (lower.endsWith(".json")) {
        return JSON;
      }
      throw new IllegalArgumentException(
          "file: must end in .yaml, .yml or .json to tell its format, was '" + file + "'");
    }
  }

  /**
   * Reads a model file, in the format its extension names.
   *
   * @param file the file, UTF-8, ending in {@code .yaml}, {@code .yml} or {@code .json}
   * @param registry the KPIs that the file may name
   * @return the model
   * @throws ModelException listing every mistake in the file, each with its path; its source is
   *     the file's path
   * @throws IllegalArgumentException if the extension is none of the three
   * @throws IOException if the file cannot be read
   * @throws NullPointerException if an argument is null
   * @since 0.1.0
   */
  public static HealthModel read(Path file, KpiRegistry registry) throws IOException {
    Format format = Format.of(file);
    Objects.requireNonNull(registry, "registry");
    byte[] bytes = Files.readAllBytes(file);
    return read(utf8(bytes, file.toString()), format, file.toString(), registry);
  }

  /**
   * Reads a model file from a reader. The reader is read to its end, and not closed.
   *
   * @param content the text of the file
   * @param format its syntax
   * @param sourceName what the text came from, such as a file name, to start the message of a
   *     {@link ModelException}
   * @param registry the KPIs that the file may name
   * @return the model
   * @throws ModelException listing every mistake in the text, each with its path
   * @throws IOException if the reader fails
   * @throws NullPointerException if an argument is null
   * @since 0.1.0
   */
  public static HealthModel read(
      Reader content, Format format, String sourceName, KpiRegistry registry) throws IOException {
    Objects.requireNonNull(content, "content");
    StringBuilder text = new StringBuilder();
    char[] buffer = new char[8192];
    for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
      text.append(buffer, 0, n);
    }
    return read(text.toString(), format, sourceName, registry);
  }

  /**
   * Reads a model file from a string.
   *
   * @param content the text of the file; a leading byte-order mark is ignored
   * @param format its syntax
   * @param sourceName what the text came from, such as a file name, to start the message of a
   *     {@link ModelException}
   * @param registry the KPIs that the file may name
   * @return the model
   * @throws ModelException listing every mistake in the text, each with its path
   * @throws NullPointerException if an argument is null
   * @since 0.1.0
   */
  public static HealthModel read(
      String content, Format format, String sourceName, KpiRegistry registry) {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(registry, "registry");

    String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
    JsonNode root = parse(text, format, sourceName);
    ModelBinder binder = new ModelBinder(registry);
    return binder.bind(root)
        .orElseThrow(() -> new ModelException(sourceName, binder.errors()));
  }

  /**
   * Writes a model as a model file. Reading the text back with the same KPIs gives an equal model.
   *
   * @param model the model
   * @param format the syntax to write
   * @return the text, ending in a line break
   * @throws NullPointerException if an argument is null
   * @since 0.1.0
   */
  public static String write(HealthModel model, Format format) {
    Objects.requireNonNull(model, "model");
    JsonNode tree = ModelTree.of(model);
    if (Objects.requireNonNull(format, "format") == Format.YAML) {
      return YamlText.of(tree);
    }
    try {
      return JSON_WRITER.writeValueAsString(tree) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("writing a model tree as JSON failed: " + e, e);
    }
  }

  /**
   * Returns the default model of chs: the seven built-in KPIs, weighted as the comments of {@code
   * dev/chs/core/model/default-model.yaml} explain, each scored by its own default curve, with
   * the default window, coverage, bands, roll-up, policies and renewal mapping.
   *
   * @param registry the KPIs; it must hold the seven built-in KPIs of {@code chs-kpis}
   * @return the default model
   * @throws ModelException if the registry lacks a built-in KPI; the message lists those it has
   * @throws NullPointerException if {@code registry} is null
   * @since 0.1.0
   */
  public static HealthModel defaultModel(KpiRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    try (InputStream in = ModelFile.class.getResourceAsStream(DEFAULT_MODEL)) {
      if (in == null) {
        throw new IllegalStateException("resource " + DEFAULT_MODEL + ": missing from chs-core");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return read(text, Format.YAML, DEFAULT_MODEL, registry);
    } catch (IOException e) {
      throw new UncheckedIOException("resource " + DEFAULT_MODEL + ": cannot be read", e);
    }
  }

  private static JsonNode parse(String text, Format format, String sourceName) {
    ObjectMapper mapper = format == Format.YAML ? YAML : JSON;
    try (JsonParser parser = mapper.createParser(text)) {
      JsonNode root = mapper.readTree(parser);
      if (root == null || root.isMissingNode()) {
        throw new ModelException(sourceName, List.of(
            "model: must hold an object with at least version and kpis, was empty"));
      }
      if (parser.nextToken() != null) {
        throw new ModelException(sourceName, List.of(at(parser.currentTokenLocation())
            + "unexpected content after the model; a file holds one model (one YAML document)"));
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new ModelException(sourceName, List.of(syntaxError(e)));
    } catch (IOException e) {
      // Text in memory fails only to parse; report it as such rather than as a failed read.
      throw new ModelException(sourceName, List.of("model: cannot be parsed: " + e.getMessage()));
    }
  }

  /** Describes a syntax error on one line: where, then what, without the parser's snippets. */
  private static String syntaxError(JsonProcessingException e) {
    String original = Objects.requireNonNullElse(e.getOriginalMessage(), e.toString());
    StringJoiner what = new StringJoiner(", ");
    for (String line : original.split("\\R", -1)) {
      // SnakeYAML adds "in 'reader', line 1, column 6:" lines, each with a snippet and a caret.
      if (!line.isBlank() && !line.startsWith(" ")) {
        what.add(line.strip());
      }
    }
    String message = SOURCE_LOCATION.matcher(what.toString()).replaceAll("line $1, column $2");
    message = DUPLICATE.matcher(message).replaceAll("duplicate key '$1'");
    message = FEATURE_HINT.matcher(message).replaceAll("");
    return at(e.getLocation()) + message;
  }

  private static String at(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "syntax: ";
    }
    return "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
  }

  private static String utf8(byte[] bytes, String sourceName) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw new ModelException(sourceName, List.of(
          "file: must be UTF-8 text, has a malformed byte sequence at offset " + in.position()));
    }
    decoder.flush(out);
    return out.flip().toString();
  }
}
