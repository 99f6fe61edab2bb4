package dev.citeassist.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import dev.citeassist.tex.BibtexDialect;
import java.nio.file.Path;
import java.util.List;
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
            null);
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
            "https://os.lab.example:9200/papers", "reader", "pw", null, Path.of("/etc/lab-ca.pem"), 800),
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
}
