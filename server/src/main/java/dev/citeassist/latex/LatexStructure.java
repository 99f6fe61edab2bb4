package dev.citeassist.latex;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one LaTeX file says about its project: the bibliography files it names ({@code
 * \bibliography{a,b}}, {@code \addbibresource{x.bib}}), the files it includes ({@code \input},
 * {@code \include}, {@code \subfile}), its {@code % !TEX root = …} line and whether it has a {@code
 * \documentclass}. Names are as written (no extension added, not resolved).
 */
public record LatexStructure(
    List<String> bibliographies, List<String> inputs, String texRoot, boolean hasDocumentClass) {

  static final Pattern COMMAND =
      Pattern.compile(
          "\\\\(bibliography|addbibresource|addglobalbib|input|include|subfile|documentclass)"
              + "\\s*(?:\\[[^\\]]*\\]\\s*)*\\{([^}]*)\\}");
  private static final Pattern MAGIC_ROOT =
      Pattern.compile("(?im)^[ \\t]*%+[ \\t]*!TEX[ \\t]+root[ \\t]*=[ \\t]*(.+?)[ \\t]*$");

  public LatexStructure {
    bibliographies = List.copyOf(bibliographies);
    inputs = List.copyOf(inputs);
  }

  public static LatexStructure parse(String text) {
    Exclusions exclusions = Exclusions.of(text);
    List<String> bibs = new ArrayList<>();
    List<String> inputs = new ArrayList<>();
    boolean documentClass = false;
    Matcher m = COMMAND.matcher(text);
    while (m.find()) {
      if (exclusions.contains(m.start() + 1)) {
        continue;
      }
      String arg = m.group(2);
      switch (m.group(1)) {
        case "bibliography" -> {
          for (String name : arg.split(",")) {
            if (!name.isBlank()) {
              bibs.add(name.strip());
            }
          }
        }
        case "addbibresource", "addglobalbib" -> {
          if (!arg.isBlank()) {
            bibs.add(arg.strip());
          }
        }
        case "documentclass" -> documentClass = true;
        default -> {
          if (!arg.isBlank()) {
            inputs.add(arg.strip());
          }
        }
      }
    }
    Matcher root = MAGIC_ROOT.matcher(text);
    String texRoot = root.find() ? root.group(1) : null;
    return new LatexStructure(bibs, inputs, texRoot, documentClass);
  }
}
