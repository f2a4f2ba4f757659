/**
 * A runnable example of chs for Java users.
 */
module dev.chs.examples {
  requires static org.jspecify;
  requires dev.chs.core;
  requires dev.chs.kpis;
}
