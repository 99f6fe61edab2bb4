package dev.citeassist.bibtex;

import dev.citeassist.bibtex.EntryParser.RawEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Resolves {@code crossref} within one source: a child gets every field it lacks from its parent;
 * for the "in" types ({@code inproceedings}, {@code incollection}, {@code inbook}, ...) the
 * parent's {@code title} becomes the child's {@code booktitle} ({@code maintitle} from an {@code
 * mv*} parent), and for an article crossref'ing a {@code periodical} its {@code journaltitle}, as
 * biber does; it never becomes the child's own title. Keys match without regard to case, as in
 * BibTeX. Chains ({@code inproceedings} → {@code proceedings} → {@code mvproceedings}) resolve in
 * order.
 *
 * <p>biblatex {@code @xdata} entries are kept, not passed on; an entry whose {@code xdata} field
 * names them gets the fields it lacks from them (they must come first, as they usually do).
 *
 * <p>Entries without crossref pass straight through. BibTeX wants parents after their children, so
 * a child whose parent has not been read yet waits and is passed on right after its parent; at the
 * end of the source, children whose parent never came are passed on unchanged with a problem. To
 * stay small on large files only entries of container types ({@code proceedings}, {@code book},
 * {@code collection}, {@code periodical}, {@code reference}, their {@code mv*} forms) and entries a
 * waiting child names are kept as parents for later children.
 *
 * <p>One instance per read; not thread-safe.
 */
final class Crossrefs {

  interface Output {
    void entry(RawEntry entry);

    void problem(int line, String message);
  }

  private static final Set<String> IN_TYPES =
      Set.of(
          "inproceedings",
          "conference",
          "incollection",
          "inbook",
          "bookinbook",
          "suppbook",
          "suppcollection",
          "inreference");

  /** Fields biber never inherits. */
  private static final Set<String> NOT_INHERITED =
      Set.of(
          "ids",
          "crossref",
          "xref",
          "xdata",
          "entryset",
          "entrysubtype",
          "execute",
          "label",
          "options",
          "presort",
          "related",
          "relatedoptions",
          "relatedstring",
          "relatedtype",
          "shorthand",
          "shorthandintro",
          "sortkey");

  /** The parent's title fields, which an "in" child gets under other names, never as its own. */
  private static final Set<String> TITLES = Set.of("title", "subtitle", "titleaddon", "shorttitle");

  private final Output output;
  private final Map<String, RawEntry> parents = new HashMap<>();
  private final Map<String, List<RawEntry>> waiting = new LinkedHashMap<>();
  private final Map<String, RawEntry> xdata = new HashMap<>();

  Crossrefs(Output output) {
    this.output = output;
  }

  void accept(RawEntry entry) {
    if (entry.type().equals("xdata")) {
      // biblatex data containers: not papers, only fields for the entries that name them
      if (entry.key() != null) {
        xdata.put(entry.key().toLowerCase(Locale.ROOT), entry);
      }
      return;
    }
    entry = withXdata(entry);
    String parentKey = parentKey(entry);
    if (parentKey != null) {
      RawEntry parent = parents.get(parentKey);
      if (parent == null) {
        waiting.computeIfAbsent(parentKey, k -> new ArrayList<>()).add(entry);
        return;
      }
      entry = inherit(entry, parent);
    }
    complete(entry);
  }

  /** Passes on the children still waiting, without inherited fields. */
  void finish() {
    while (!waiting.isEmpty()) {
      Iterator<Map.Entry<String, List<RawEntry>>> it = waiting.entrySet().iterator();
      Map.Entry<String, List<RawEntry>> first = it.next();
      it.remove();
      for (RawEntry child : first.getValue()) {
        output.problem(
            child.line(),
            "@"
                + child.type()
                + "{"
                + child.key()
                + "}: crossref '"
                + child.fields().get("crossref").strip()
                + "' names no entry of this file; read without inherited fields");
        complete(child);
      }
    }
  }

  private void complete(RawEntry entry) {
    output.entry(entry);
    if (entry.key() == null) {
      return;
    }
    String key = entry.key().toLowerCase(Locale.ROOT);
    List<RawEntry> children = waiting.remove(key);
    if (PaperMapper.CONTAINER_TYPES.contains(entry.type()) || children != null) {
      parents.putIfAbsent(key, entry);
    }
    if (children != null) {
      for (RawEntry child : children) {
        complete(inherit(child, entry));
      }
    }
  }

  /** The entry with the fields it lacks from the {@code @xdata} entries its xdata field names. */
  private RawEntry withXdata(RawEntry entry) {
    String refs = entry.fields().get("xdata");
    if (refs == null || refs.isBlank()) {
      return entry;
    }
    Map<String, String> fields = new LinkedHashMap<>(entry.fields());
    for (String ref : refs.split(",")) {
      String key = ref.strip().toLowerCase(Locale.ROOT);
      if (key.isEmpty()) {
        continue;
      }
      RawEntry data = xdata.get(key);
      if (data == null) {
        output.problem(
            entry.line(),
            "@"
                + entry.type()
                + "{"
                + entry.key()
                + "}: xdata '"
                + ref.strip()
                + "' is not an @xdata entry before this one; ignored");
        continue;
      }
      for (Map.Entry<String, String> field : data.fields().entrySet()) {
        if (!NOT_INHERITED.contains(field.getKey())) {
          fields.putIfAbsent(field.getKey(), field.getValue());
        }
      }
    }
    return new RawEntry(entry.type(), entry.key(), fields, entry.line());
  }

  private static String parentKey(RawEntry entry) {
    String crossref = entry.fields().get("crossref");
    if (crossref == null || crossref.isBlank()) {
      return null;
    }
    return crossref.strip().toLowerCase(Locale.ROOT);
  }

  static RawEntry inherit(RawEntry child, RawEntry parent) {
    Map<String, String> fields = new LinkedHashMap<>(child.fields());
    String titleTarget = null;
    if (IN_TYPES.contains(child.type())) {
      titleTarget = parent.type().startsWith("mv") ? "main" : "book";
    } else if ((child.type().equals("article") || child.type().equals("suppperiodical"))
        && parent.type().equals("periodical")) {
      titleTarget = "journal";
    }
    // a child that dates itself keeps its own date: no year from the parent's date, or back
    boolean dated = fields.containsKey("year") || fields.containsKey("date");
    for (Map.Entry<String, String> field : parent.fields().entrySet()) {
      String name = field.getKey();
      if (NOT_INHERITED.contains(name)
          || (dated && (name.equals("year") || name.equals("date") || name.equals("month")))
          || (titleTarget != null && TITLES.contains(name))) {
        continue;
      }
      fields.putIfAbsent(name, field.getValue());
    }
    if (titleTarget != null) {
      // after the direct copies, so that a booktitle the parent states for its children wins
      for (String name : List.of("title", "subtitle", "titleaddon")) {
        String value = parent.fields().get(name);
        if (value != null) {
          fields.putIfAbsent(titleTarget + name, value);
        }
      }
    }
    return new RawEntry(child.type(), child.key(), fields, child.line());
  }
}
