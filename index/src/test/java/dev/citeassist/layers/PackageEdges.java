package dev.citeassist.layers;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which package uses which, read from compiled classes: every class, field and method type a class
 * file names sits in its constant pool (class entries, descriptors, generic signatures), so the
 * edges are those the JVM links, whatever the source imports or spells out in full. String
 * constants are left out: a resource path is not a dependency.
 *
 * <p>A package is the first folder below {@code prefix} ({@code dev/citeassist/}): {@code
 * dev.citeassist.search.PaperIndex} is in {@code search}. Only edges between packages that have
 * classes in the folder read are kept, so a module's test sees its own packages.
 */
public record PackageEdges(Map<String, Set<String>> edges) {

  private static final int MAGIC = 0xCAFEBABE;

  public static PackageEdges read(Path classes, String prefix) throws IOException {
    Pattern named = Pattern.compile(Pattern.quote(prefix) + "([A-Za-z0-9_$]+)/");
    Map<String, Set<String>> edges = new TreeMap<>();
    Path base = classes.resolve(prefix);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(base)) {
      files = walk.filter(p -> p.toString().endsWith(".class")).toList();
    }
    for (Path file : files) {
      Path relative = base.relativize(file);
      if (relative.getNameCount() < 2) {
        continue; // a class directly in the prefix folder belongs to no package
      }
      String from = relative.getName(0).toString();
      Set<String> to = edges.computeIfAbsent(from, k -> new TreeSet<>());
      try (InputStream in = Files.newInputStream(file)) {
        for (String name : linkedNames(in)) {
          Matcher m = named.matcher(name);
          while (m.find()) {
            to.add(m.group(1));
          }
        }
      }
    }
    for (Set<String> to : edges.values()) {
      to.retainAll(edges.keySet());
    }
    edges.forEach((from, to) -> to.remove(from));
    return new PackageEdges(edges);
  }

  /** The UTF-8 constants of a class file other than the values of string literals. */
  static List<String> linkedNames(InputStream stream) throws IOException {
    DataInputStream in = new DataInputStream(stream);
    if (in.readInt() != MAGIC) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    BitSet literal = new BitSet(count);
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 8 -> literal.set(in.readUnsignedShort());
        case 7, 16, 19, 20 -> in.readUnsignedShort();
        case 15 -> in.skipNBytes(3);
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
        case 5, 6 -> {
          in.skipNBytes(8);
          i++; // a long or double takes two entries
        }
        default -> throw new IOException("unknown constant pool tag " + tag + " at " + i);
      }
    }
    List<String> names = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      if (utf8[i] != null && !literal.get(i)) {
        names.add(utf8[i]);
      }
    }
    return names;
  }

  /** The groups of packages that reach each other (strongly connected, two or more), sorted. */
  public List<Set<String>> cycles() {
    List<Set<String>> found = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    for (String start : edges.keySet()) {
      if (!index.containsKey(start)) {
        connect(start, index, low, stack, found);
      }
    }
    return found;
  }

  // Tarjan's algorithm; a few dozen packages, so recursion depth is no concern.
  private void connect(
      String v,
      Map<String, Integer> index,
      Map<String, Integer> low,
      Deque<String> stack,
      List<Set<String>> found) {
    index.put(v, index.size());
    low.put(v, index.get(v));
    stack.push(v);
    for (String w : edges.getOrDefault(v, Set.of())) {
      if (!index.containsKey(w)) {
        connect(w, index, low, stack, found);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (stack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      Set<String> component = new TreeSet<>();
      String w;
      do {
        w = stack.pop();
        component.add(w);
      } while (!w.equals(v));
      if (component.size() > 1) {
        found.add(component);
      }
    }
  }

  /**
   * Everything wrong with these packages against {@code layers} (bottom first), one line each: a
   * layer naming a package that has no classes, a cycle, and each {@link #violations violation}.
   * Empty when the packages are layered as declared.
   */
  public List<String> problems(List<Set<String>> layers) {
    List<String> problems = new ArrayList<>();
    for (Set<String> layer : layers) {
      for (String p : new TreeSet<>(layer)) {
        if (!edges.containsKey(p)) {
          problems.add(p + " is in a layer but has no classes");
        }
      }
    }
    cycles().forEach(c -> problems.add("cycle: " + c));
    problems.addAll(violations(layers));
    return problems;
  }

  /**
   * What breaks the layering: a package in no layer, or an edge that does not point to a strictly
   * lower layer. {@code layers} lists the bottom layer first; packages of one layer may not use
   * each other.
   */
  public List<String> violations(List<Set<String>> layers) {
    Map<String, Integer> level = new HashMap<>();
    for (int i = 0; i < layers.size(); i++) {
      for (String p : layers.get(i)) {
        level.put(p, i);
      }
    }
    List<String> wrong = new ArrayList<>();
    edges.forEach(
        (from, targets) -> {
          if (!level.containsKey(from)) {
            wrong.add(from + " is in no layer");
            return;
          }
          for (String to : targets) {
            if (level.containsKey(to) && level.get(to) >= level.get(from)) {
              wrong.add(
                  from
                      + " -> "
                      + to
                      + " (layer "
                      + level.get(from)
                      + " -> layer "
                      + level.get(to)
                      + ")");
            }
          }
        });
    return wrong;
  }
}
