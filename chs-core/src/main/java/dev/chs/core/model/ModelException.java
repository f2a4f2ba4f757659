package dev.chs.core.model;

import java.util.List;

/**
 * A health model that breaks one or more rules. It lists every error found, not only the first,
 * each with the path of the setting at fault, for example {@code kpis[2].weight: must be >= 0, was
 * -1}.
 *
 * @since 0.1.0
 */
public final class ModelException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final List<String> errors;

  /**
   * Creates an exception for the given errors.
   *
   * @param source what was read, such as a file name, or {@code "model"} for one built in code
   * @param errors the errors, each starting with its path; at least one
   * @throws IllegalArgumentException if {@code errors} is empty
   */
  public ModelException(String source, List<String> errors) {
    super(message(source, errors));
    this.errors = List.copyOf(errors);
  }

  private static String message(String source, List<String> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("errors: must hold at least one error, was empty");
    }
    String noun = errors.size() == 1 ? " error" : " errors";
    return source + ": " + errors.size() + noun + "\n  " + String.join("\n  ", errors);
  }

  /**
   * Returns the errors, each starting with the path of the setting at fault.
   *
   * @return the errors, in the order found; never empty
   */
  public List<String> errors() {
    return errors;
  }
}
