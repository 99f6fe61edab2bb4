package dev.citeassist.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's arguments split into options and operands. Options are {@code --name value} or {@code
 * --name=value} for those that take a value, {@code --flag} otherwise; {@code --} ends options.
 */
final class Arguments {

  private final Map<String, String> options = new HashMap<>();
  private final List<String> operands = new ArrayList<>();

  private Arguments() {}

  static Arguments parse(List<String> args, Set<String> valued, Set<String> flags)
      throws UsageException {
    Arguments a = new Arguments();
    boolean optionsEnded = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (optionsEnded || !arg.startsWith("--") || arg.equals("-")) {
        a.operands.add(arg);
        continue;
      }
      if (arg.equals("--")) {
        optionsEnded = true;
        continue;
      }
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
      if (flags.contains(name)) {
        if (eq >= 0) {
          throw new UsageException("--" + name + " takes no value");
        }
        a.options.put(name, "true");
      } else if (valued.contains(name)) {
        if (eq >= 0) {
          a.options.put(name, arg.substring(eq + 1));
        } else if (i + 1 < args.size()) {
          a.options.put(name, args.get(++i));
        } else {
          throw new UsageException("--" + name + " needs a value");
        }
      } else {
        throw new UsageException("unknown option " + arg);
      }
    }
    return a;
  }

  boolean flag(String name) {
    return options.containsKey(name);
  }

  String option(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }

  Integer intOption(String name, Integer fallback, int min, int max) throws UsageException {
    String v = options.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw new UsageException("--" + name + " must be between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a whole number, not \"" + v + "\"");
    }
  }

  List<String> operands() {
    return operands;
  }
}
