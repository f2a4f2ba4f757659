/**
 * The chs command line. An application: it exports no package.
 *
 * @since 0.1.0
 */
module dev.chs.cli {
  requires static transitive org.jspecify;
  requires dev.chs.core;
  requires dev.chs.kpis;
  requires dev.chs.learn;
  requires info.picocli;
  requires com.fasterxml.jackson.core;

  opens dev.chs.cli to
      info.picocli;
}
