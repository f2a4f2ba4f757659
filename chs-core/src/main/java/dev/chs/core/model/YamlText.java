package dev.chs.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Writes the tree of a model file as YAML that reads like the documented examples: one setting a
 * line, with small sections such as {@code bands: {healthy: 70, watch: 50, at_risk: 30}} and
 * curves in flow style on one line, when they fit in {@value #WIDTH} columns.
 *
 * <p>Entries of a list that hold lists or objects, such as KPIs, are always in block style, one
 * key a line.
 *
 * <p>Jackson's YAML generator writes every list in block style, one number a line, which turns a
 * piecewise curve into a column of dashes; hence this small emitter for trees of objects, lists,
 * strings and numbers. Strings are written plain only when YAML cannot read them as anything else;
 * otherwise they are double-quoted, with every character that YAML might fold, drop or reject
 * escaped, so that reading the text gives back the same strings.
 */
final class YamlText {
  private static final int WIDTH = 100;
  private static final int INDENT = 2;
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-]*");
  /** Words that YAML 1.1 reads as booleans or null when plain. */
  private static final List<String> RESERVED = List.of(
      "y", "n", "yes", "no", "on", "off", "true", "false", "null");

  private YamlText() {}

  /**
   * Returns the YAML text of a tree.
   *
   * @param root an object node holding objects, lists, strings and numbers
   * @return the text, ending in a line break
   */
  static String of(JsonNode root) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      // Top-level lists, such as kpis, are always block style: one entry after another.
      entry(out, 0, field.getKey(), field.getValue(), !field.getValue().isArray());
    }
    return out.toString();
  }

  private static void entry(
      StringBuilder out, int indent, String key, JsonNode value, boolean flowAllowed) {
    String head = " ".repeat(indent) + scalar(key) + ":";
    if (value.isValueNode()) {
      out.append(head).append(' ').append(scalar(value)).append('\n');
      return;
    }
    String flow = flow(value);
    if ((flowAllowed && head.length() + 1 + flow.length() <= WIDTH) || value.isEmpty()) {
      out.append(head).append(' ').append(flow).append('\n');
      return;
    }
    out.append(head).append('\n');
    block(out, indent + INDENT, value);
  }

  private static void block(StringBuilder out, int indent, JsonNode node) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        entry(out, indent, field.getKey(), field.getValue(), true);
      }
      return;
    }
    for (JsonNode item : node) {
      listItem(out, indent, item);
    }
  }

  private static void listItem(StringBuilder out, int indent, JsonNode item) {
    String dash = " ".repeat(indent) + "- ";
    if (item.isValueNode()) {
      out.append(dash).append(scalar(item)).append('\n');
      return;
    }
    String flow = flow(item);
    boolean flat = item.isArray() || allScalars(item);
    if ((flat && dash.length() + flow.length() <= WIDTH) || item.isEmpty()) {
      out.append(dash).append(flow).append('\n');
      return;
    }
    if (item.isArray()) {
      out.append(dash.stripTrailing()).append('\n');
      block(out, indent + INDENT, item);
      return;
    }
    // An object in a list: its first key follows the dash, the others line up under it.
    StringBuilder entries = new StringBuilder();
    block(entries, indent + INDENT, item);
    out.append(dash).append(entries, indent + INDENT, entries.length());
  }

  /** Tells whether an object holds no objects or lists, like a step; a KPI entry does. */
  private static boolean allScalars(JsonNode node) {
    for (JsonNode value : node) {
      if (!value.isValueNode()) {
        return false;
      }
    }
    return true;
  }

  private static String flow(JsonNode node) {
    if (node.isValueNode()) {
      return scalar(node);
    }
    if (node.isArray()) {
      StringJoiner items = new StringJoiner(", ", "[", "]");
      node.forEach(item -> items.add(flow(item)));
      return items.toString();
    }
    StringJoiner entries = new StringJoiner(", ", "{", "}");
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      entries.add(scalar(field.getKey()) + ": " + flow(field.getValue()));
    }
    return entries.toString();
  }

  private static String scalar(JsonNode value) {
    return value.isTextual() ? scalar(value.textValue()) : value.asText();
  }

  private static String scalar(String text) {
    boolean plain = PLAIN.matcher(text).matches()
        && !RESERVED.contains(text.toLowerCase(Locale.ROOT));
    return plain ? text : quoted(text);
  }

  private static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c == '"' || c == '\\') {
        out.append('\\').appendCodePoint(c);
      } else if (printable(c)) {
        out.appendCodePoint(c);
      } else if (c <= 0xFFFF) {
        out.append(String.format(Locale.ROOT, "\\u%04X", c));
      } else {
        out.append(String.format(Locale.ROOT, "\\U%08X", c));
      }
    }
    return out.append('"').toString();
  }

  /** YAML's printable characters, less the line breaks and the byte-order mark it treats apart. */
  private static boolean printable(int c) {
    return (c >= 0x20 && c <= 0x7E)
        || (c >= 0xA0 && c <= 0xD7FF && c != 0x2028 && c != 0x2029)
        || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF)
        || c >= 0x10000;
  }
}
