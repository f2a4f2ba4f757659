/**
 * A runnable example of chs for Java users.
 */
module dev.chs.examples {
  requires dev.chs.core;
  requires dev.chs.kpis;
}
