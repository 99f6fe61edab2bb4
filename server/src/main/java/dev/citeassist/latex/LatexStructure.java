package dev.citeassist.latex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one LaTeX file says about its project: the bibliography files it names ({@code
 * \bibliography{a,b}}, {@code \addbibresource{x.bib}}), the files it includes ({@code \input},
 * {@code \include}, {@code \subfile}, and the import package's {@code \import}, {@code \subimport},
 * {@code \inputfrom}, {@code \includefrom}, {@code \subinputfrom}, {@code \subincludefrom}), the
 * user commands it defines that include a file ({@code \newcommand{\chapter}[1]{\input{ch/#1}}},
 * {@code \def\inc#1{\include{#1}}}), its {@code % !TEX root = …} line and whether it has a {@code
 * \documentclass}. Names are as written (no extension added, not resolved); comments and white
 * space around the names inside the braces are dropped, as TeX drops them.
 */
public record LatexStructure(
    List<String> bibliographies,
    List<Inclusion> inclusions,
    String texRoot,
    boolean hasDocumentClass,
    Map<String, IncludingMacro> includingMacros) {

  /**
   * A file included: {@code file} as written; {@code importDir} the folder of an {@code \import}
   * (relative to the root's folder, or absolute) or of a {@code \subimport} ({@code relative}:
   * relative to the folder the including file was imported from), null for {@code \input}, {@code
   * \include} and {@code \subfile}.
   */
  public record Inclusion(String file, String importDir, boolean relative) {
    static Inclusion plain(String file) {
      return new Inclusion(file, null, false);
    }
  }

  /**
   * A user command whose body includes files: how many arguments it takes, and the inclusions of
   * its body with {@code #1}…{@code #9} where the arguments go.
   */
  public record IncludingMacro(int parameters, List<Inclusion> body) {
    public IncludingMacro {
      body = List.copyOf(body);
    }
  }

  static final Pattern COMMAND =
      Pattern.compile(
          "\\\\(bibliography|addbibresource|addglobalbib|input|include|subfile|documentclass"
              + "|import|subimport|inputfrom|subinputfrom|includefrom|subincludefrom)"
              + "(?![A-Za-z@])\\*?");

  private static final Pattern NEWCOMMAND =
      Pattern.compile(
          "\\\\(?:re|provide)?newcommand\\*?\\s*(?:\\{\\s*\\\\([A-Za-z@]+)\\s*\\}|\\\\([A-Za-z@]+))"
              + "\\s*(?:\\[\\s*(\\d)\\s*\\]\\s*)?(?:\\[[^\\]]*\\]\\s*)?(?=\\{)");
  private static final Pattern DEF =
      Pattern.compile("\\\\[egx]?def\\s*\\\\([A-Za-z@]+)\\s*((?:#\\d)*)\\s*(?=\\{)");

  private static final Pattern MAGIC_ROOT =
      Pattern.compile("(?im)^[ \\t]*%+[ \\t]*!TEX[ \\t]+root[ \\t]*=[ \\t]*(.+?)[ \\t]*$");

  public LatexStructure {
    bibliographies = List.copyOf(bibliographies);
    inclusions = List.copyOf(inclusions);
    includingMacros = Map.copyOf(includingMacros);
  }

  public LatexStructure(
      List<String> bibliographies,
      List<Inclusion> inclusions,
      String texRoot,
      boolean hasDocumentClass) {
    this(bibliographies, inclusions, texRoot, hasDocumentClass, Map.of());
  }

  /** The names of the files included by {@code \input}, {@code \include} and {@code \subfile}. */
  public List<String> inputs() {
    return inclusions.stream().filter(i -> i.importDir() == null).map(Inclusion::file).toList();
  }

  public static LatexStructure parse(String text) {
    Exclusions exclusions = Exclusions.of(text);
    List<int[]> bodies = new ArrayList<>();
    Map<String, IncludingMacro> macros = includingMacros(text, exclusions, bodies);
    List<String> bibs = new ArrayList<>();
    List<Inclusion> inclusions = new ArrayList<>();
    boolean documentClass = false;
    Matcher m = COMMAND.matcher(text);
    while (m.find()) {
      if (exclusions.contains(m.start() + 1)) {
        continue;
      }
      int start = m.start();
      boolean inDefinition = bodies.stream().anyMatch(b -> b[0] <= start && start < b[1]);
      String command = m.group(1);
      if (command.equals("documentclass")) {
        documentClass = true;
        continue;
      }
      List<String> args = Arguments.read(text, m.end(), arity(command));
      if (args == null) {
        continue;
      }
      switch (command) {
        case "bibliography" -> {
          for (String name : args.get(0).split(",")) {
            if (!name.isBlank()) {
              bibs.add(name.strip());
            }
          }
        }
        case "addbibresource", "addglobalbib" -> {
          if (!args.get(0).isBlank()) {
            bibs.add(args.get(0).strip());
          }
        }
        default -> {
          // a command's body includes its files where the command is used (see expand)
          Inclusion inclusion = inDefinition ? null : inclusion(command, args);
          if (inclusion != null) {
            inclusions.add(inclusion);
          }
        }
      }
    }
    Matcher root = MAGIC_ROOT.matcher(text);
    String texRoot = root.find() ? root.group(1) : null;
    return new LatexStructure(bibs, inclusions, texRoot, documentClass, macros);
  }

  /**
   * The inclusions of the uses, in {@code text}, of the including commands in {@code macros}
   * (defined in this file or another of the project), each expanded one level: {@code
   * \chapterfile{intro}} with {@code \chapterfile} defined as {@code \input{chapters/#1}} includes
   * {@code chapters/intro}.
   */
  public static List<Inclusion> expand(String text, Map<String, IncludingMacro> macros) {
    if (macros.isEmpty()) {
      return List.of();
    }
    Exclusions exclusions = Exclusions.of(text);
    List<int[]> definitions = new ArrayList<>();
    includingMacros(text, exclusions, definitions);
    Pattern uses =
        Pattern.compile(
            "\\\\("
                + String.join("|", macros.keySet().stream().map(Pattern::quote).toList())
                + ")(?![A-Za-z@])");
    List<Inclusion> out = new ArrayList<>();
    Matcher m = uses.matcher(text);
    while (m.find()) {
      IncludingMacro macro = macros.get(m.group(1));
      int start = m.start();
      // not the name in its own definition ("\newcommand{\chapterfile}[1]{...}")
      if (exclusions.contains(start + 1)
          || macro == null
          || definitions.stream().anyMatch(d -> d[0] <= start && start < d[1])) {
        continue;
      }
      List<String> args = Arguments.read(text, m.end(), macro.parameters());
      if (args == null || args.stream().anyMatch(a -> a.contains("#"))) {
        continue;
      }
      for (Inclusion i : macro.body()) {
        String file = substitute(i.file(), args);
        String dir = i.importDir() == null ? null : substitute(i.importDir(), args);
        if (!file.isBlank()) {
          out.add(new Inclusion(file.strip(), dir == null ? null : dir.strip(), i.relative()));
        }
      }
    }
    return out;
  }

  /**
   * The user commands of {@code text} whose bodies include files; the range of each such
   * definition, from its {@code \\newcommand} or {@code \\def} to the end of its body, is added to
   * {@code bodies}.
   */
  private static Map<String, IncludingMacro> includingMacros(
      String text, Exclusions exclusions, List<int[]> bodies) {
    if (!text.contains("\\input")
        && !text.contains("\\include")
        && !text.contains("import")
        && !text.contains("\\subfile")) {
      return Map.of();
    }
    Map<String, IncludingMacro> macros = new LinkedHashMap<>();
    for (Pattern p : new Pattern[] {NEWCOMMAND, DEF}) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        if (exclusions.contains(m.start() + 1)) {
          continue;
        }
        String name;
        int parameters;
        if (p == NEWCOMMAND) {
          name = m.group(1) != null ? m.group(1) : m.group(2);
          parameters = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        } else {
          name = m.group(1);
          parameters = m.group(2).length() / 2;
        }
        List<String> body = Arguments.read(text, m.end(), 1);
        if (body == null) {
          continue;
        }
        List<Inclusion> inclusions = parse(body.get(0)).inclusions();
        if (!inclusions.isEmpty()) {
          macros.putIfAbsent(name, new IncludingMacro(parameters, inclusions));
          bodies.add(new int[] {m.start(), Arguments.end(text, m.end())});
        }
      }
    }
    return macros;
  }

  private static int arity(String command) {
    return switch (command) {
      case "import", "subimport", "inputfrom", "subinputfrom", "includefrom", "subincludefrom" -> 2;
      default -> 1;
    };
  }

  private static Inclusion inclusion(String command, List<String> args) {
    return switch (command) {
      case "input", "include", "subfile" ->
          args.get(0).isBlank() ? null : Inclusion.plain(args.get(0).strip());
      default -> {
        String dir = args.get(0).strip();
        String file = args.get(1).strip();
        boolean relative = command.startsWith("sub");
        yield file.isEmpty() ? null : new Inclusion(file, dir, relative);
      }
    };
  }

  private static String substitute(String template, List<String> args) {
    String s = template;
    for (int k = args.size(); k >= 1; k--) {
      s = s.replace("#" + k, args.get(k - 1).strip());
    }
    return s;
  }
}
