package dev.hindsight.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A readable aligned table written as rows arrive. The first rows (up to {@value #SAMPLE}) set the
 * column widths, so output starts quickly even for millions of rows and memory stays bounded.
 */
final class TextTable implements AutoCloseable {

  static final int SAMPLE = 500;

  private final PrintWriter out;
  private final String[] header;
  private final List<String[]> pending = new ArrayList<>();
  private int[] widths;

  TextTable(PrintWriter out, String... header) {
    this.out = out;
    this.header = header;
  }

  void row(String... cells) {
    if (widths != null) {
      print(cells);
      return;
    }
    pending.add(cells);
    if (pending.size() >= SAMPLE) {
      flushPending();
    }
  }

  private void flushPending() {
    widths = new int[header.length];
    for (int i = 0; i < header.length; i++) {
      widths[i] = header[i].length();
    }
    for (String[] r : pending) {
      for (int i = 0; i < r.length; i++) {
        widths[i] = Math.max(widths[i], cell(r[i]).length());
      }
    }
    print(header);
    pending.forEach(this::print);
    pending.clear();
  }

  private void print(String[] cells) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      String c = cell(cells[i]);
      if (i == cells.length - 1) {
        sb.append(c);
      } else {
        sb.append(c).append(" ".repeat(Math.max(0, widths[i] - c.length()) + 2));
      }
    }
    out.println(sb.toString().stripTrailing());
  }

  private static String cell(String s) {
    return s == null ? "-" : s;
  }

  @Override
  public void close() {
    if (widths == null) {
      flushPending();
    }
    out.flush();
  }
}
