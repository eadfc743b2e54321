package dev.hindsight.cli;

import java.io.IOException;
import java.net.InetAddress;

/** This machine's name, for saying who made a file. */
final class Hosts {

  private Hosts() {}

  /** The host name ({@code HOSTNAME}, else the resolver's); "unknown" when it cannot be told. */
  static String name() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
