package dev.citeassist.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.citeassist.tex.BibtexDialect;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsParserTest {

  private final Settings defaults = Settings.defaults();

  @Test
  void readsTheCiteassistSectionOrTheSectionItself() {
    String section =
        """
        {"completionLimit": 20, "citeCommands": ["\\\\mycite", "footcitet"], "dialect": "biblatex",
         "targetBib": "lib/refs", "catalogueSources": ["/data/zotero.json"], "cacheDir": "/tmp/c",
         "keyPattern": "[auth][year]", "bibFolders": ["/home/me/texmf/bibtex"]}
        """;
    Settings expected =
        new Settings(
            20,
            Set.of("mycite", "footcitet"),
            BibtexDialect.BIBLATEX,
            "lib/refs",
            List.of(Path.of("/data/zotero.json")),
            Path.of("/tmp/c"),
            "[auth][year]",
            List.of(Path.of("/home/me/texmf/bibtex")),
            null,
            null,
            null,
            null,
            null,
            RemoteCatalogueSettings.DEFAULT_TIMEOUT_MILLIS);
    assertEquals(expected, SettingsParser.parse(JsonParser.parseString(section), defaults));
    assertEquals(
        expected,
        SettingsParser.parse(
            JsonParser.parseString("{\"citeassist\": " + section + "}"), defaults));
  }

  @Test
  void missingOrMalformedValuesKeepCurrentOnes() {
    Settings s =
        SettingsParser.parse(
            JsonParser.parseString("{\"completionLimit\": \"many\", \"dialect\": \"latex\"}"),
            defaults);
    assertEquals(defaults, s);
    assertEquals(defaults, SettingsParser.parse(null, defaults));
  }

  @Test
  void defaultLimitIsFifty() {
    assertEquals(50, defaults.completionLimit());
  }

  @Test
  void sharedCatalogueSettingsAreReadAndAnEmptyUrlMeansTheLocalOne() {
    Settings remote =
        SettingsParser.parse(
            JsonParser.parseString(
                """
                {"catalogueUrl": "https://os.lab.example:9200/papers",
                 "catalogueUser": "reader", "cataloguePassword": "pw",
                 "catalogueCaCertificate": "/etc/lab-ca.pem", "catalogueTimeoutMillis": 800}
                """),
            defaults);
    assertEquals(
        new RemoteCatalogueSettings(
            "https://os.lab.example:9200/papers",
            "reader",
            "pw",
            null,
            Path.of("/etc/lab-ca.pem"),
            800),
        remote.remoteCatalogue());
    Settings keyed =
        SettingsParser.parse(JsonParser.parseString("{\"catalogueApiKey\": \"k\"}"), remote);
    assertEquals("k", keyed.remoteCatalogue().apiKey());
    assertEquals("reader", keyed.remoteCatalogue().user());
    Settings local =
        SettingsParser.parse(JsonParser.parseString("{\"catalogueUrl\": \"\"}"), keyed);
    assertEquals(null, local.remoteCatalogue());
    assertEquals(null, defaults.remoteCatalogue());
  }

  /**
   * {@link SettingsParser#NAMES} is complete: each name sets exactly one {@link Settings}
   * component, and every component has its name. (The clients' lists are tested against NAMES.)
   */
  @Test
  void everySettingHasOneNameAndEachNameSetsItsOwnComponent() throws Exception {
    Map<String, String> samples =
        Map.ofEntries(
            Map.entry("completionLimit", "7"),
            Map.entry("citeCommands", "[\"mycite\"]"),
            Map.entry("dialect", "\"biblatex\""),
            Map.entry("targetBib", "\"t.bib\""),
            Map.entry("catalogueSources", "[\"/s.bib\"]"),
            Map.entry("keyPattern", "\"[auth][year]\""),
            Map.entry("cacheDir", "\"/c\""),
            Map.entry("bibFolders", "[\"bib\"]"),
            Map.entry("catalogueUrl", "\"http://os:9200\""),
            Map.entry("catalogueUser", "\"u\""),
            Map.entry("cataloguePassword", "\"p\""),
            Map.entry("catalogueApiKey", "\"k\""),
            Map.entry("catalogueCaCertificate", "\"/ca.pem\""),
            Map.entry("catalogueTimeoutMillis", "900"));
    assertEquals(Set.copyOf(SettingsParser.NAMES), samples.keySet());
    assertEquals(SettingsParser.NAMES.size(), Set.copyOf(SettingsParser.NAMES).size());
    Set<String> covered = new HashSet<>();
    for (String name : SettingsParser.NAMES) {
      Settings parsed =
          SettingsParser.parse(
              JsonParser.parseString("{\"" + name + "\": " + samples.get(name) + "}"), defaults);
      List<String> changed = new ArrayList<>();
      for (RecordComponent c : Settings.class.getRecordComponents()) {
        if (!Objects.equals(c.getAccessor().invoke(parsed), c.getAccessor().invoke(defaults))) {
          changed.add(c.getName());
        }
      }
      assertEquals(1, changed.size(), name + " changed " + changed);
      assertTrue(covered.add(changed.get(0)), name + " sets a component another name sets");
    }
    assertEquals(Settings.class.getRecordComponents().length, covered.size(), "named: " + covered);
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
