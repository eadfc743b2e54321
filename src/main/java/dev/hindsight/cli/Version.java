package dev.hindsight.cli;

import picocli.CommandLine;

/** The version from the jar's manifest ("dev" when run from classes). */
final class Version implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Version.class.getPackage().getImplementationVersion();
    return new String[] {"hindsight " + (v == null ? "dev" : v)};
  }

  static String text() {
    return new Version().getVersion()[0];
  }
}
