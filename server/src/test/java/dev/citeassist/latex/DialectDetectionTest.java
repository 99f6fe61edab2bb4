package dev.citeassist.latex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import dev.citeassist.settings.Settings;
import dev.citeassist.settings.SettingsParser;
import dev.citeassist.tex.BibtexDialect;
import org.junit.jupiter.api.Test;

class DialectDetectionTest {

  @Test
  void biblatexPackageMeansBiblatex() {
    assertEquals(
        BibtexDialect.BIBLATEX,
        DialectDetection.detect(
            "\\documentclass{article}\n\\usepackage[backend=biber,style=authoryear]{biblatex}\n"));
    assertEquals(
        BibtexDialect.BIBLATEX, DialectDetection.detect("\\usepackage{csquotes,biblatex}\n"));
  }

  @Test
  void bibliographystyleOrNothingMeansBibtex() {
    assertEquals(
        BibtexDialect.BIBTEX,
        DialectDetection.detect("\\bibliographystyle{plain}\n\\bibliography{refs}\n"));
    assertEquals(BibtexDialect.BIBTEX, DialectDetection.detect(null));
  }

  @Test
  void aCommentedOutBiblatexDoesNotCount() {
    assertEquals(
        BibtexDialect.BIBTEX,
        DialectDetection.detect("% \\usepackage{biblatex}\n\\bibliographystyle{plain}\n"));
  }

  @Test
  void aConfiguredDialectOverridesDetectionAndAutoRestoresIt() {
    Settings bibtex =
        SettingsParser.parse(
            JsonParser.parseString("{\"dialect\": \"bibtex\"}"), Settings.defaults());
    assertEquals(BibtexDialect.BIBTEX, bibtex.dialectFor("\\usepackage{biblatex}"));
    Settings auto = SettingsParser.parse(JsonParser.parseString("{\"dialect\": \"auto\"}"), bibtex);
    assertEquals(BibtexDialect.BIBLATEX, auto.dialectFor("\\usepackage{biblatex}"));
  }

  @Test
  void anInvalidKeyPatternKeepsTheCurrentOne() {
    Settings s =
        SettingsParser.parse(
            JsonParser.parseString("{\"keyPattern\": \"[auth][year]\"}"), Settings.defaults());
    assertEquals("[auth][year]", s.keyPattern());
    assertEquals(
        "[auth][year]",
        SettingsParser.parse(JsonParser.parseString("{\"keyPattern\": \"[nonsense]\"}"), s)
            .keyPattern());
    assertEquals(
        null,
        SettingsParser.parse(JsonParser.parseString("{\"keyPattern\": \"\"}"), s).keyPattern());
  }
}
