package dev.citeassist.bibtex;

import dev.citeassist.paper.Origin;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.Person;
import dev.citeassist.paper.SourceFormat;
import java.util.List;
import java.util.Map;

/**
 * Papers shaped like the ones the catalogue holds, each exercising something the writer must get
 * right: every kind of venue, listing and daily-papers records, math, TeX specials, diacritics,
 * corporate and suffixed names, an abstract full of quotes, percent signs, braces and backslashes,
 * a paper without a year.
 */
final class SamplePapers {

  private SamplePapers() {}

  static List<Paper> all() {
    return List.of(
        arxivPreprint(),
        journalArticle(),
        proceedingsPaper(),
        listingPaper(),
        mathTitle(),
        specialCharacters(),
        diacritics(),
        abstractWithSpecials(),
        noYear(),
        dailyPapers(),
        corporateAuthor(),
        unicodeWithoutLatex());
  }

  static Paper arxivPreprint() {
    return Paper.builder()
        .key("ziyin2024remove")
        .type("misc")
        .title("Remove Symmetries to Control Model Expressivity and Improve Optimization")
        .authors(names("Liu Ziyin", "Yizhou Xu", "Isaac Chuang"))
        .year(2024)
        .month(8)
        .day(28)
        .arxivId("2408.15495")
        .category("cs.LG")
        .abstractText(
            "When symmetry is present in the loss function, the model is likely to be trapped in"
                + " a low-capacity state that is sometimes known as a \"collapse\".")
        .origin(new Origin("sample", 1, SourceFormat.ARXIV_JSON))
        .build();
  }

  static Paper journalArticle() {
    return Paper.builder()
        .key("derezinski2021determinantal")
        .type("article")
        .title("Determinantal Point Processes in Randomized Numerical Linear Algebra")
        .authors(names("Michał Dereziński", "Michael W. Mahoney"))
        .year(2021)
        .month(1)
        .venue("Notices of the American Mathematical Society")
        .doi("https://doi.org/10.1090/noti2202")
        .fields(Map.of("volume", "68", "number", "1", "pages", "34–45"))
        .abstractText(
            "Randomized Numerical Linear Algebra (RandNLA) uses randomness to develop improved"
                + " algorithms for matrix problems that arise in scientific computing.")
        .build();
  }

  static Paper proceedingsPaper() {
    return Paper.builder()
        .key("vaswani2017attention")
        .type("inproceedings")
        .title("Attention is All you Need")
        .authors(names("Ashish Vaswani", "Noam Shazeer", "Niki Parmar"))
        .etAl(true)
        .year(2017)
        .month(12)
        .venue("Advances in Neural Information Processing Systems 30 (NeurIPS 2017)")
        .url(
            "https://proceedings.neurips.cc/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html")
        .fields(Map.of("pages", "5998–6008", "publisher", "Curran Associates, Inc."))
        .abstractText(
            "The dominant sequence transduction models are based on complex recurrent"
                + " or convolutional neural networks in an encoder-decoder configuration.")
        .build();
  }

  /** A listing record: two-letter category, "et al.", affiliation, no arXiv id. */
  static Paper listingPaper() {
    return Paper.builder()
        .key("niu2023continual")
        .title("Continual Driving Policy Optimization with Closed-Loop Individualized Curricula")
        .authors(names("Haoyi Niu", "Yizhou Xu", "Xingjian Jiang"))
        .etAl(true)
        .year(2023)
        .month(9)
        .day(25)
        .category("LG")
        .affiliation("tsinghua")
        .abstractText(
            "Therefore, we develop a continual driving policy optimization framework featuring"
                + " Closed-Loop Individualized Curricula (CLIC), which we factorize into a set of"
                + " standardized sub-modules.")
        .origin(new Origin("000_57b64fd6235a7719.txt", 7, SourceFormat.LISTING))
        .build();
  }

  static Paper mathTitle() {
    return Paper.builder()
        .key("niu2023re2h2o")
        .title(
            "(Re)$^2$H2O: Autonomous Driving Scenario Generation via Reversely Regularized Hybrid"
                + " Offline-and-Online Reinforcement Learning")
        .authors(names("Haoyi Niu", "Kun Ren", "Yizhou Xu"))
        .etAl(true)
        .year(2023)
        .month(2)
        .day(27)
        .category("LG")
        .abstractText(
            "We tailor a Reversely Regularized Hybrid Offline-and-Online ((Re)$^2$H2O)"
                + " Reinforcement Learning recipe to penalize Q-values in $O(n \\log n)$ time.")
        .build();
  }

  static Paper specialCharacters() {
    return Paper.builder()
        .key("smith2025gpus")
        .title("R&D for LLMs on GPUs: 100% of the #1 Q-values_x in {Bayesian} ~Optimization^2")
        .authors(names("John Smith"))
        .year(2025)
        .month(3)
        .arxivId("2503.01234")
        .category("stat.ML")
        .abstractText("Fast & cheap: 50% less memory, tags #ml and snake_case names.")
        .build();
  }

  static Paper diacritics() {
    return Paper.builder()
        .key("zdeborova2016statistical")
        .type("article")
        .title(
            "Statistical physics of inference: thresholds and algorithms — a Fréchet and"
                + " Schrödinger view from Łódź")
        .authors(
            List.of(
                new Person("Lenka", "Zdeborová"),
                new Person("Florent", "Krzakala"),
                new Person("Michał", "Dereziński"),
                new Person("José Ñuñez", "Müller-Straße"),
                new Person("Ludwig", "van Beethoven"),
                new Person("Martin Luther, Jr.", "King")))
        .year(2016)
        .month(7)
        .venue("Advances in Physics")
        .doi("10.1080/00018732.2016.1211393")
        .abstractText("Øresund, Ærø, œuvre, naïve café, İstanbul, Dvořák, Erdős, “quoted” ‘text’ …")
        .build();
  }

  static Paper abstractWithSpecials() {
    return Paper.builder()
        .key("xu2022approximate")
        .title(
            "Approximate Message Passing for Multi-Layer Estimation in Rotationally Invariant"
                + " Models")
        .authors(names("Yizhou Xu", "TianQi Hou", "ShanSuo Liang"))
        .etAl(true)
        .year(2022)
        .month(12)
        .day(3)
        .category("ML")
        .abstractText(
            "The rotational invariance generalizes the i.i.d.\\ Gaussian assumption: \"quotes\","
                + " 'single', 99% of {braced} text, an unmatched } brace and a { lone one,"
                + " C:\\ path\\1 with a trailing backslash \\, \\emph{emphasis}, $\\{x\\}$ sets,"
                + " costs $5 and $10, 50 % off, a@b.c, AMP -- dubbed ML-RI-GAMP, as in~\\cite{x}"
                + " at ~5 times the cost.\n\nSecond"
                + " paragraph.")
        .build();
  }

  static Paper noYear() {
    return Paper.builder()
        .key("xu2025fundamental")
        .title(
            "Fundamental Limits of Matrix Sensing: Exact Asymptotics, Universality, and"
                + " Applications")
        .authors(names("Yizhou Xu", "Antoine Maillard", "Lenka Zdeborová"))
        .etAl(true)
        .month(6)
        .day(14)
        .category("ST")
        .abstractText("In the matrix sensing problem, one wishes to reconstruct a matrix.")
        .build();
  }

  /** A daily-papers record: no names, only a count. */
  static Paper dailyPapers() {
    return Paper.builder()
        .key("adaptively2023adaptively")
        .title(
            "An adaptively inexact first-order method for bilevel optimization with application"
                + " to hyperparameter learning in Banach spaces")
        .authorCount(4)
        .year(2023)
        .month(8)
        .day(19)
        .upvotes(12)
        .abstractText(
            "Various tasks in data science are modeled utilizing the variational"
                + " regularization approach.")
        .origin(new Origin("002_ca03343937b2f4f6.txt", 9, SourceFormat.DAILY_PAPERS))
        .build();
  }

  static Paper corporateAuthor() {
    return Paper.builder()
        .key("openai2023gpt4")
        .title("GPT-4 Technical Report")
        .authors(List.of(new Person("", "OpenAI"), new Person("", "Google DeepMind Team")))
        .year(2023)
        .month(3)
        .arxivId("2303.08774")
        .category("cs.CL")
        .build();
  }

  /** Characters LaTeX has no command for: BibTeX must copy them without choking. */
  static Paper unicodeWithoutLatex() {
    return Paper.builder()
        .key("li2024vapi")
        .title("VA-π: Variational Policy Alignment for Pixel-Aware Autoregressive Generation")
        .authors(List.of(new Person("明", "李"), new Person("Иван", "Петров")))
        .year(2024)
        .month(5)
        .abstractText("Δ-loss ≈ 0.5 × baseline; 深度学习 and emoji 🚀 stay as written.")
        .build();
  }

  private static List<Person> names(String... names) {
    return java.util.Arrays.stream(names).map(Person::parse).toList();
  }
}
