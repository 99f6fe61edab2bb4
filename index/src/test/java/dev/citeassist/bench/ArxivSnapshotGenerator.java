package dev.citeassist.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes synthetic records in the arXiv metadata snapshot's format (JSON lines, the snapshot's
 * field names and order, wrapped titles and abstracts, RFC 1123 version dates, old-style ids before
 * April 2007) for tests and benchmarks. Titles and abstracts are drawn from ML, physics and maths
 * vocabularies (acronyms, colons, some inline math), 1–12 authors with surnames from many languages
 * (diacritics, particles, suffixes), first submissions 1995–2026, some DOIs and journal-refs; a
 * long tail of made-up words keeps the vocabulary as skewed as real titles.
 *
 * <p>Deterministic: the same count and seed give the same bytes. Not thread-safe (one generator per
 * thread); test code only.
 */
public final class ArxivSnapshotGenerator {

  /** Bumped whenever the output for a given count and seed changes (caches key on it). */
  public static final int VERSION = 2;

  private static final JsonFactory JSON = new JsonFactory();

  private final SplittableRandom random;
  private final Map<String, Integer> sequence = new HashMap<>();

  public ArxivSnapshotGenerator(long seed) {
    random = new SplittableRandom(seed);
  }

  /** Usage: {@code ArxivSnapshotGenerator COUNT FILE [SEED]} (seed 42 by default). */
  public static void main(String[] args) throws IOException {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: ArxivSnapshotGenerator COUNT FILE [SEED]");
      System.exit(2);
    }
    int count = Integer.parseInt(args[0]);
    long seed = args.length == 3 ? Long.parseLong(args[2]) : 42L;
    write(count, seed, Path.of(args[1]));
  }

  /** Writes {@code count} records made from {@code seed} to {@code file} (replacing it). */
  public static void write(int count, long seed, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      new ArxivSnapshotGenerator(seed).write(count, out);
    }
  }

  /** Writes the next {@code count} records, one line each, to {@code out} (left open). */
  public void write(int count, OutputStream out) throws IOException {
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.setRootValueSeparator(null);
      for (int i = 0; i < count; i++) {
        record(json);
        json.writeRaw('\n');
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Vocabulary

  private enum Field {
    ML,
    PHYSICS,
    MATHS
  }

  private static final String[][] CATEGORIES = {
    {"cs.LG", "cs.CV", "cs.CL", "cs.AI", "stat.ML", "cs.NE", "cs.IR", "cs.RO", "cs.CR", "cs.DS"},
    {
      "hep-th",
      "hep-ph",
      "quant-ph",
      "cond-mat.stat-mech",
      "cond-mat.mtrl-sci",
      "astro-ph.CO",
      "gr-qc",
      "physics.optics",
      "nucl-th",
      "cond-mat.str-el"
    },
    {"math.AG", "math.NT", "math.PR", "math.CO", "math.AP", "math.DG", "math.OC", "math.FA"}
  };

  private static final String[][] ADJECTIVES = {
    {
      "Scalable",
      "Robust",
      "Efficient",
      "Self-Supervised",
      "Contrastive",
      "Sparse",
      "Federated",
      "Differentiable",
      "Multimodal",
      "Adversarial",
      "Bayesian",
      "Hierarchical",
      "Causal",
      "Few-Shot",
      "Zero-Shot",
      "Interpretable",
      "Equivariant",
      "Low-Rank",
      "Diffusion-Based",
      "Neural",
      "Probabilistic",
      "Continual",
      "Offline",
      "Decentralized",
      "Lightweight"
    },
    {
      "Topological", "Holographic", "Nonequilibrium", "Quantum", "Relativistic", "Chiral",
      "Anomalous", "Superconducting", "Dark", "Primordial", "Gravitational", "Entangled",
      "Nonlinear", "Disordered", "Frustrated", "Supersymmetric", "Thermal", "Magnetic"
    },
    {
      "Asymptotic", "Sharp", "Explicit", "Uniform", "Random", "Hyperbolic", "Arithmetic",
      "Stochastic", "Elliptic", "Combinatorial", "Rigid", "Optimal", "Singular", "Compact",
      "Modular", "Nilpotent", "Ergodic", "Convex"
    }
  };

  private static final String[][] NOUNS = {
    {
      "Transformers",
      "Graph Neural Networks",
      "Language Models",
      "Representation Learning",
      "Reinforcement Learning",
      "Attention",
      "Embeddings",
      "Policy Optimization",
      "Neural Collapse",
      "Knowledge Distillation",
      "Retrieval",
      "Tokenization",
      "Gradient Descent",
      "Normalizing Flows",
      "Variational Inference",
      "Mixture of Experts",
      "Autoencoders",
      "Prompt Tuning",
      "Vision Transformers",
      "State Space Models",
      "Reward Models",
      "Contrastive Learning"
    },
    {
      "Black Holes",
      "Dark Matter",
      "Spin Chains",
      "Gauge Theories",
      "Neutrino Oscillations",
      "Cosmic Inflation",
      "Quantum Criticality",
      "Entanglement Entropy",
      "Topological Insulators",
      "Bose-Einstein Condensates",
      "Gravitational Waves",
      "Scattering Amplitudes",
      "Phase Transitions",
      "Quantum Dots",
      "Hubbard Models",
      "String Compactifications",
      "Axions",
      "Magnons"
    },
    {
      "Elliptic Curves",
      "Random Matrices",
      "Moduli Spaces",
      "Brownian Motion",
      "Hilbert Schemes",
      "Partial Differential Equations",
      "Lie Algebras",
      "Graph Colourings",
      "Markov Chains",
      "Sobolev Spaces",
      "Modular Forms",
      "Operator Algebras",
      "Riemannian Manifolds",
      "Percolation",
      "Galois Representations",
      "Banach Spaces",
      "Convex Bodies",
      "Hypergraphs"
    }
  };

  private static final String[][] TASKS = {
    {
      "Image Classification",
      "Machine Translation",
      "Question Answering",
      "Object Detection",
      "Time Series Forecasting",
      "Code Generation",
      "Recommendation",
      "Anomaly Detection",
      "Speech Recognition",
      "Semantic Segmentation",
      "Molecular Property Prediction",
      "Long-Context Reasoning",
      "Robotic Manipulation",
      "Text-to-Image Generation"
    },
    {
      "the Early Universe",
      "Heavy-Ion Collisions",
      "Two-Dimensional Materials",
      "Neutron Stars",
      "the Standard Model",
      "Cold Atoms",
      "Superconducting Qubits",
      "the LHC",
      "Kitaev Chains",
      "de Sitter Space",
      "Twisted Bilayer Graphene",
      "Accretion Disks"
    },
    {
      "Finite Fields", "Number Fields", "Compact Manifolds", "Sparse Graphs", "Bounded Domains",
      "Projective Varieties", "Lattice Paths", "High Dimensions", "Free Groups", "Toric Varieties"
    }
  };

  private static final String[] ACRONYMS = {
    "BERT", "GAN", "ViT", "LoRA", "RLHF", "MCMC", "SGD", "GNN", "VAE", "PPO", "CLIP", "QCD", "CMB",
    "DFT", "PDE", "SYK", "AdS/CFT", "LLM", "RAG", "MoE", "NeRF", "SDE", "QAOA", "VQE"
  };

  private static final String[] MATH = {
    "$\\mathcal{O}(n \\log n)$", "$SU(N)$", "$L^2$", "$\\mathbb{Z}_2$", "$p$-adic", "$k$-SAT",
    "$\\ell_1$", "$N=4$", "$\\epsilon$", "$O(1/\\sqrt{T})$", "$\\mathbb{R}^d$", "$2+1$"
  };

  private static final String[][] DATASETS = {
    {"ImageNet", "CIFAR-10", "COCO", "GLUE", "SQuAD", "MMLU", "WMT'14", "LibriSpeech", "OGB"},
    {"Planck", "LIGO", "ATLAS", "CMS", "IceCube", "SDSS", "Fermi-LAT", "KamLAND"},
    {"", "", "", "", "", "", "", ""}
  };

  /**
   * A long tail of 30,000 made-up technical words ("tessaric", "kolvarine"), drawn with a Zipf-like
   * law: real titles mix a few very common words with rare ones, which is what makes postings lists
   * short or long. Built from syllables with a fixed seed, whatever the generator's seed.
   */
  private static final String[] LEXICON = lexicon(30_000);

  private static String[] lexicon(int size) {
    String[] onsets = {
      "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "cr",
      "dr", "gl", "pl", "pr", "st", "tr", "th", "ch", "sk", "sp", "qu", "x"
    };
    String[] vowels = {"a", "e", "i", "o", "u", "y", "ai", "eo", "ia", "ou"};
    String[] endings = {
      "ic", "al", "ine", "ous", "ar", "ent", "ite", "on", "ism", "oid", "ant", "ive", "ose", "ium"
    };
    SplittableRandom r = new SplittableRandom(0x5EEDL);
    java.util.LinkedHashSet<String> words = new java.util.LinkedHashSet<>();
    while (words.size() < size) {
      StringBuilder w = new StringBuilder();
      int syllables = 1 + r.nextInt(3);
      for (int i = 0; i < syllables; i++) {
        w.append(onsets[r.nextInt(onsets.length)]).append(vowels[r.nextInt(vowels.length)]);
      }
      w.append(endings[r.nextInt(endings.length)]);
      words.add(w.toString());
    }
    return words.toArray(String[]::new);
  }

  private static final String[] SURNAMES = {
    "Müller",
    "García",
    "Nguyễn",
    "Kovačević",
    "Dvořák",
    "Łukasiewicz",
    "Şahin",
    "Gómez",
    "Björk",
    "Sørensen",
    "Ångström",
    "Ferreira",
    "Zhang",
    "Wang",
    "Li",
    "Chen",
    "Liu",
    "Kim",
    "Park",
    "Singh",
    "Patel",
    "Kumar",
    "Tanaka",
    "Yamamoto",
    "Ivanov",
    "Smirnov",
    "Kowalski",
    "Nowak",
    "O'Brien",
    "van der Berg",
    "de la Cruz",
    "Abdullah",
    "Okonkwo",
    "Mensah",
    "Haddad",
    "Cohen",
    "Rossi",
    "Bianchi",
    "Dupont",
    "Lefèvre",
    "Gauß",
    "Schrödinger",
    "Pérez",
    "Jiménez",
    "Öztürk",
    "Çelik",
    "Horváth",
    "Novák",
    "Székely",
    "Dąbrowski",
    "Petrović",
    "Nielsen",
    "Johansson",
    "Virtanen",
    "Kuznetsov",
    "Papadopoulos",
    "Yılmaz",
    "Ramírez",
    "Gonçalves",
    "Smith",
    "Johnson",
    "Brown",
    "Williams",
    "Taylor",
    "Anderson",
    "Thomas",
    "Moore",
    "Martin",
    "Hernández",
    "Sánchez",
    "Schmidt",
    "Fischer",
    "Weiß",
    "Hoffmann",
    "Wagner",
    "Becker",
    "Rahman",
    "Hossain",
    "Ahmed",
    "Khan",
    "Ali",
    "Mukherjee",
    "Chatterjee",
    "Iyer",
    "Reddy",
    "Suzuki",
    "Takahashi",
    "Watanabe",
    "Nakamura",
    "Kobayashi",
    "Huang",
    "Zhao",
    "Wu",
    "Zhou",
    "Xu",
    "Sun",
    "Ma",
    "Zhu",
    "Hu",
    "Guo",
    "Lin",
    "He",
    "Gao",
    "Luo",
    "Tran",
    "Le",
    "Pham",
    "Hoàng",
    "Đặng",
    "Adeyemi",
    "Mwangi",
    "Boateng",
    "Diallo",
    "Traoré",
    "Kaplan",
    "Levi",
    "Friedman",
    "Goldberg",
    "Ricci",
    "Esposito",
    "Romano",
    "Colombo",
    "Marino",
    "Costa",
    "Silva",
    "Santos",
    "Oliveira",
    "Souza",
    "Lima",
    "Carvalho",
    "Almeida",
    "Rocha",
    "Dias",
    "di Stefano",
    "von Neumann",
    "Le Gall",
    "Mac Lane",
    "Fernández-Ruiz",
    "Müller-Lüdenscheidt"
  };

  private static final String[] GIVEN_NAMES = {
    "Anna", "Wei", "José", "Søren", "Zoë", "François", "Jürgen", "Łucja", "Ahmet", "Chidi",
    "Priya", "Hiroshi", "Olga", "Mateo", "Aoife", "Björn", "Elif", "Kofi", "Mei", "Rafael",
    "Sofía", "Thanh", "Ines", "Yusuf", "Camille", "Dmitri", "Fatima", "Giulia", "Hannah", "Ivan",
    "Jae-won", "Karim", "Lars", "Marta", "Nikolai", "Oren", "Paulo", "Qiang", "Rosa", "Sven",
    "Tomás", "Uma", "Václav", "Xiaoming", "Yuki", "Zsófia", "Michael", "David", "Sarah", "Emily"
  };

  private static final String[] SUFFIXES = {"Jr.", "Jr", "III", "II", "Sr."};

  /** Arguments: volume, year, first page, last page. */
  private static final String[] JOURNALS = {
    "Phys. Rev. D %1$d (%2$d) %3$d",
    "Phys. Rev. Lett. %1$d, %3$d (%2$d)",
    "JHEP %1$d (%2$d) %3$d",
    "Ann. of Math. %1$d (%2$d) %3$d-%4$d",
    "J. Mach. Learn. Res. %1$d (%2$d) %3$d-%4$d",
    "Commun. Math. Phys. %1$d (%2$d) %3$d-%4$d",
    "Astrophys. J. %1$d (%2$d) %3$d",
    "Nature %1$d, %3$d-%4$d (%2$d)",
    "Invent. Math. %1$d (%2$d), no. %3$d",
    "IEEE Trans. Pattern Anal. Mach. Intell. %1$d (%2$d) %3$d-%4$d"
  };

  private static final String[] LICENSES = {
    null,
    "http://arxiv.org/licenses/nonexclusive-distrib/1.0/",
    "http://creativecommons.org/licenses/by/4.0/",
    "http://creativecommons.org/licenses/by-nc-sa/4.0/",
    "http://creativecommons.org/publicdomain/zero/1.0/"
  };

  private static final String[] OPENINGS = {
    "We study",
    "We propose",
    "We introduce",
    "This paper investigates",
    "We revisit",
    "In this work we analyse",
    "We present",
    "We consider"
  };

  private static final String[] VERBS = {
    "improves",
    "outperforms",
    "generalises",
    "extends",
    "simplifies",
    "unifies",
    "controls",
    "characterises",
    "bounds",
    "reproduces"
  };

  private static final String[] CONNECTIVES = {
    "Moreover,",
    "In addition,",
    "Furthermore,",
    "As a consequence,",
    "In particular,",
    "Finally,",
    "Surprisingly,",
    "Building on this,"
  };

  private static final String[] FILLER = {
    "the proposed framework", "our analysis", "the resulting estimator", "this construction",
    "the main theorem", "a simple modification", "the underlying mechanism", "these results",
    "numerical experiments", "a careful ablation", "the limiting behaviour", "the new method"
  };

  // ---------------------------------------------------------------------------------------------
  // One record

  private void record(JsonGenerator json) throws IOException {
    Field field = Field.values()[weighted(new int[] {55, 30, 15})];
    int f = field.ordinal();
    List<String[]> authors = authors();
    LocalDateTime created = submission();
    String primary = pick(CATEGORIES[f]);
    String id = id(primary, created.toLocalDate());
    boolean published = random.nextInt(100) < 35;
    boolean hasDoi = published ? random.nextInt(100) < 80 : random.nextInt(100) < 5;

    json.writeStartObject();
    json.writeStringField("id", id);
    json.writeStringField("submitter", authors.get(0)[1] + " " + authors.get(0)[0]);
    json.writeStringField("authors", authorsLine(authors));
    json.writeStringField("title", wrap(title(field), 72, "\n  "));
    json.writeStringField("comments", random.nextInt(100) < 70 ? comments() : null);
    json.writeStringField("journal-ref", published ? journalRef(created.getYear()) : null);
    json.writeStringField("doi", hasDoi ? doi(field) : null);
    json.writeStringField(
        "report-no",
        random.nextInt(100) < 8 ? "PREPRINT-" + (created.getYear() % 100) + "-" + nat(999) : null);
    json.writeStringField("categories", categories(f, primary));
    json.writeStringField("license", LICENSES[random.nextInt(LICENSES.length)]);
    json.writeStringField("abstract", "  " + wrap(abstractText(field), 78, "\n") + "\n");
    json.writeArrayFieldStart("versions");
    int versions = 1 + weighted(new int[] {55, 28, 11, 6});
    LocalDateTime date = created;
    for (int v = 1; v <= versions; v++) {
      if (v > 1) {
        date = date.plusDays(1 + random.nextInt(200)).plusMinutes(random.nextInt(1440));
      }
      json.writeStartObject();
      json.writeStringField("version", "v" + v);
      json.writeStringField("created", rfc1123(date));
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeStringField(
        "update_date", date.toLocalDate().plusDays(random.nextInt(30)).toString());
    json.writeArrayFieldStart("authors_parsed");
    for (String[] a : authors) {
      json.writeStartArray();
      json.writeString(a[0]);
      json.writeString(a[1]);
      json.writeString(a[2]);
      json.writeEndArray();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /** [family, given, suffix] each; given names are full or initials, as arXiv has both. */
  private List<String[]> authors() {
    int count = 1 + weighted(new int[] {12, 20, 20, 15, 10, 7, 5, 4, 3, 2, 1, 1});
    List<String[]> authors = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String given = pick(GIVEN_NAMES);
      int style = random.nextInt(10);
      if (style < 3) {
        given = given.charAt(0) + ".";
      } else if (style < 5) {
        given = given + " " + (char) ('A' + random.nextInt(26)) + ".";
      }
      String suffix = random.nextInt(100) < 2 ? pick(SUFFIXES) : "";
      authors.add(new String[] {pick(SURNAMES), given, suffix});
    }
    return authors;
  }

  /** The "authors" string as arXiv shows it, with LaTeX accents as submitters type them. */
  private String authorsLine(List<String[]> authors) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < authors.size(); i++) {
      if (i > 0) {
        line.append(i == authors.size() - 1 && random.nextBoolean() ? " and " : ", ");
      }
      String[] a = authors.get(i);
      line.append(latex(a[1])).append(' ').append(latex(a[0]));
      if (!a[2].isEmpty()) {
        line.append(' ').append(a[2]);
      }
    }
    return line.toString();
  }

  private static String latex(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (char c : text.toCharArray()) {
      switch (c) {
        case 'ü' -> out.append("\\\"u");
        case 'ö' -> out.append("\\\"o");
        case 'ä' -> out.append("\\\"a");
        case 'é' -> out.append("\\'e");
        case 'á' -> out.append("\\'a");
        case 'í' -> out.append("\\'i");
        case 'ó' -> out.append("\\'o");
        case 'è' -> out.append("\\`e");
        case 'ç' -> out.append("\\c{c}");
        case 'č' -> out.append("\\v{c}");
        case 'ř' -> out.append("\\v{r}");
        case 'ø' -> out.append("{\\o}");
        case 'ß' -> out.append("{\\ss}");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private String title(Field field) {
    int f = field.ordinal();
    String adjective = pick(ADJECTIVES[f]);
    String noun = pick(NOUNS[f]);
    String task = pick(TASKS[f]);
    if (random.nextInt(100) < 60) {
      noun = rareCapitalised() + " " + noun;
    }
    if (random.nextInt(100) < 25) {
      task = rareCapitalised() + " " + task;
    }
    String title =
        switch (random.nextInt(8)) {
          case 0 -> adjective + " " + noun + " for " + task;
          case 1 -> acronym(adjective, noun) + ": " + adjective + " " + noun + " for " + task;
          case 2 ->
              "On the "
                  + pick(new String[] {"Geometry", "Stability", "Role", "Limits"})
                  + " of "
                  + adjective
                  + " "
                  + noun;
          case 3 -> "Towards " + adjective + " " + task + " with " + noun;
          case 4 ->
              noun
                  + " in "
                  + task
                  + ": "
                  + pick(
                      new String[] {
                        "A Survey",
                        "Theory and Practice",
                        "New Bounds",
                        "A Unified View",
                        "Lessons Learned"
                      });
          case 5 -> pick(ACRONYMS) + " Meets " + noun + ": " + adjective + " Methods for " + task;
          case 6 -> adjective + " " + noun + " and " + pick(MATH) + " " + pick(NOUNS[f]);
          default -> "A Note on " + adjective + " " + noun + " over " + task;
        };
    return title;
  }

  /** An acronym from the initials of the words it stands for, sometimes with a flourish. */
  private String acronym(String adjective, String noun) {
    StringBuilder a = new StringBuilder();
    for (String word : (adjective + " " + noun).split("[ -]")) {
      if (!word.isEmpty()) {
        a.append(Character.toUpperCase(word.charAt(0)));
      }
    }
    return switch (random.nextInt(5)) {
      case 0 -> a + "-Net";
      case 1 -> a + "++";
      case 2 -> a.toString() + (2 + random.nextInt(3));
      default -> a.toString();
    };
  }

  /** About 150 words (100–200), in sentences built from the field's vocabulary. */
  private String abstractText(Field field) {
    int f = field.ordinal();
    int target = 100 + random.nextInt(101);
    StringBuilder text = new StringBuilder(target * 8);
    text.append(pick(OPENINGS))
        .append(' ')
        .append(pick(ADJECTIVES[f]).toLowerCase(Locale.ROOT))
        .append(' ')
        .append(pick(NOUNS[f]).toLowerCase(Locale.ROOT))
        .append(" for ")
        .append(pick(TASKS[f]))
        .append('.');
    while (words(text) < target) {
      text.append(' ');
      switch (random.nextInt(8)) {
        case 6 ->
            text.append("We introduce the notion of ")
                .append(rare())
                .append(' ')
                .append(rare())
                .append(' ')
                .append(pick(NOUNS[f]).toLowerCase(Locale.ROOT))
                .append('.');
        case 7 ->
            text.append("This yields ")
                .append(rare())
                .append(" and ")
                .append(rare())
                .append(" estimates for ")
                .append(pick(TASKS[f]))
                .append('.');
        case 0 ->
            text.append(pick(CONNECTIVES))
                .append(' ')
                .append(pick(FILLER))
                .append(' ')
                .append(pick(VERBS))
                .append(" previous work on ")
                .append(pick(NOUNS[f]).toLowerCase(Locale.ROOT))
                .append('.');
        case 1 -> {
          String dataset = pick(DATASETS[f]);
          if (dataset.isEmpty()) {
            text.append("We prove that every ")
                .append(pick(ADJECTIVES[f]).toLowerCase(Locale.ROOT))
                .append(" instance admits a bound of order ")
                .append(pick(MATH))
                .append('.');
          } else {
            text.append("Experiments on ")
                .append(dataset)
                .append(" show a ")
                .append(1 + random.nextInt(40))
                .append('.')
                .append(random.nextInt(10))
                .append("% improvement over the strongest baseline.");
          }
        }
        case 2 ->
            text.append("Our approach relies on ")
                .append(pick(NOUNS[random.nextInt(3)]).toLowerCase(Locale.ROOT))
                .append(" and ")
                .append(pick(FILLER))
                .append(", which ")
                .append(pick(VERBS))
                .append(' ')
                .append(pick(FILLER))
                .append('.');
        case 3 ->
            text.append("We show that ")
                .append(pick(FILLER))
                .append(' ')
                .append(pick(VERBS))
                .append(" the ")
                .append(pick(ADJECTIVES[f]).toLowerCase(Locale.ROOT))
                .append(" regime of ")
                .append(pick(TASKS[f]))
                .append(" (")
                .append(pick(ACRONYMS))
                .append(").");
        case 4 ->
            text.append("The analysis covers ")
                .append(2 + random.nextInt(30))
                .append(" settings, including ")
                .append(pick(TASKS[f]))
                .append(" and ")
                .append(pick(TASKS[random.nextInt(3)]))
                .append('.');
        default ->
            text.append(pick(CONNECTIVES))
                .append(" we discuss implications for ")
                .append(pick(NOUNS[f]).toLowerCase(Locale.ROOT))
                .append(" and open problems.");
      }
    }
    return text.toString();
  }

  private static int words(CharSequence text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = text.charAt(i) == ' ';
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
    }
    return words;
  }

  /** Greedy wrap at {@code width} columns, as the snapshot's titles and abstracts are wrapped. */
  private static String wrap(String text, int width, String newline) {
    if (text.length() <= width) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + text.length() / width * 3);
    int column = 0;
    for (String word : text.split(" ")) {
      if (column > 0 && column + 1 + word.length() > width) {
        out.append(newline);
        column = 0;
      } else if (column > 0) {
        out.append(' ');
        column++;
      }
      out.append(word);
      column += word.length();
    }
    return out.toString();
  }

  /** First submission: 1995–2026, more papers in later years, as on arXiv. */
  private LocalDateTime submission() {
    int[] weights = new int[32];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = 10 + i * i;
    }
    int year = 1995 + weighted(weights);
    int month = 1 + random.nextInt(12);
    int day = 1 + random.nextInt(28);
    return LocalDateTime.of(
        year, month, day, random.nextInt(24), random.nextInt(60), random.nextInt(60));
  }

  /** "0704.0001" style from April 2007 (five digits from 2015), "hep-th/9901001" before. */
  private String id(String primary, LocalDate date) {
    String yymm =
        String.format(Locale.ROOT, "%02d%02d", date.getYear() % 100, date.getMonthValue());
    boolean oldStyle = date.isBefore(LocalDate.of(2007, 4, 1));
    String archive = oldStyle ? primary.replaceFirst("\\..*", "") : "";
    int n = sequence.merge(archive + yymm, 1, Integer::sum);
    if (oldStyle) {
      return archive + "/" + yymm + String.format(Locale.ROOT, "%03d", n % 1000);
    }
    return date.getYear() >= 2015
        ? yymm + "." + String.format(Locale.ROOT, "%05d", n)
        : yymm + "." + String.format(Locale.ROOT, "%04d", n % 10000);
  }

  private static String rfc1123(LocalDateTime t) {
    DayOfWeek dow = t.getDayOfWeek();
    return String.format(
        Locale.ROOT,
        "%s, %d %s %d %02d:%02d:%02d GMT",
        dow.getDisplayName(TextStyle.SHORT, Locale.ENGLISH),
        t.getDayOfMonth(),
        t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH),
        t.getYear(),
        t.getHour(),
        t.getMinute(),
        t.getSecond());
  }

  private String categories(int f, String primary) {
    StringBuilder categories = new StringBuilder(primary);
    int cross = weighted(new int[] {50, 35, 15});
    for (int i = 0; i < cross; i++) {
      String other = pick(CATEGORIES[random.nextInt(10) < 8 ? f : random.nextInt(3)]);
      if (categories.indexOf(other) < 0) {
        categories.append(' ').append(other);
      }
    }
    return categories.toString();
  }

  private String comments() {
    return switch (random.nextInt(4)) {
      case 0 -> nat(60) + " pages, " + nat(20) + " figures";
      case 1 -> nat(40) + " pages; accepted at a conference";
      case 2 -> "v2: typos corrected, " + nat(30) + " pages";
      default -> nat(25) + " pages, " + nat(12) + " figures, " + nat(6) + " tables";
    };
  }

  private String journalRef(int year) {
    int page = nat(9999);
    return String.format(Locale.ROOT, pick(JOURNALS), nat(300), year, page, page + nat(40));
  }

  private String doi(Field field) {
    return switch (field) {
      case PHYSICS ->
          "10.1103/PhysRev"
              + pick(new String[] {"D", "B", "Lett"})
              + "."
              + nat(130)
              + "."
              + String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
      case MATHS ->
          "10.4007/annals."
              + (2000 + random.nextInt(27))
              + "."
              + nat(200)
              + "."
              + nat(3)
              + "."
              + nat(9);
      case ML ->
          "10.1109/TPAMI."
              + (2010 + random.nextInt(17))
              + "."
              + (1_000_000 + random.nextInt(9_000_000));
    };
  }

  /** A long-tail word, rank r drawn with probability about 1/r. */
  private String rare() {
    int rank = (int) Math.pow(LEXICON.length, random.nextDouble()) - 1;
    return LEXICON[Math.min(rank, LEXICON.length - 1)];
  }

  private String rareCapitalised() {
    String w = rare();
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  private int nat(int max) {
    return 1 + random.nextInt(max);
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  private int weighted(int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int r = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
