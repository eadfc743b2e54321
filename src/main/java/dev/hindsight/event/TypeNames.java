package dev.hindsight.event;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names an event type answers to: the stored type, and the short names reducers look handlers
 * up by. One definition, so that {@code events --type} and a reducer's handler agree on what {@code
 * ItemAdded} means.
 */
public final class TypeNames {

  private static final Pattern REVISION_SUFFIX = Pattern.compile("#\\d+$");

  private TypeNames() {}

  /**
   * The names, first hit wins: the type exactly; without a {@code #N} suffix; the part after the
   * last {@code :}; after the last {@code .}; after the last {@code $} (the last three on the type
   * without its suffix). {@code com.example.Cart$ItemAdded#2} gives itself, {@code
   * com.example.Cart$ItemAdded}, {@code Cart$ItemAdded} and {@code ItemAdded}.
   */
  public static List<String> candidates(String type) {
    Set<String> names = new LinkedHashSet<>();
    names.add(type);
    String bare = REVISION_SUFFIX.matcher(type).replaceFirst("");
    names.add(bare);
    for (char sep : new char[] {':', '.', '$'}) {
      int at = bare.lastIndexOf(sep);
      if (at >= 0 && at < bare.length() - 1) {
        names.add(bare.substring(at + 1));
      }
    }
    return new ArrayList<>(names);
  }

  /**
   * The shortest name the type answers to, the last of {@link #candidates}: {@code
   * holdout.domain.events.AccountOpened} gives {@code AccountOpened}, {@code
   * hoteldomain:Booking.Created} gives {@code Created}. The end of a type name is what tells events
   * apart, so this is what a narrow column shows, with the stored name close by.
   */
  public static String shortName(String type) {
    if (type == null) {
      return null;
    }
    List<String> names = candidates(type);
    return names.get(names.size() - 1);
  }

  /** Whether a stored type answers to {@code name} (the type itself or one of its short names). */
  public static boolean matches(String storedType, String name) {
    return storedType != null && (storedType.equals(name) || candidates(storedType).contains(name));
  }
}
